import { Box, Typography } from '@material-ui/core';
import type { MeshAccess } from '../../api';
import { EntityDataCard } from '../EntityDataCard';
import { SeverityChip } from '../IntegrationChecksCard/SeverityChip';
import { MeshAccessTable } from './MeshAccessTable';

/** The observation window as configured (`window: 10m`, `24h`, `7d`). */
function windowText(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${Math.round(seconds / 60)} min`;
}

const nothing = (a: MeshAccess) =>
  !a.meshes.length ||
  (!a.callers.length &&
    !a.callees.length &&
    !a.allowAny.length &&
    a.meshes.every(m => !m.error));

/**
 * A component's callers and callees with three columns: declared in the
 * catalog, allowed by the service mesh, observed in traffic; the
 * differences are the `mesh/*` check findings.
 */
export function MeshAccessCard() {
  return (
    <EntityDataCard<MeshAccess>
      title="Mesh access"
      subject="mesh access"
      failure="Could not read the mesh access"
      load={(api, entity) => api.getMeshAccess(entity)}
      isEmpty={nothing}
      empty={a =>
        a && a.meshes.length ? (
          <Typography variant="body2" color="textSecondary">
            No mesh rule, declared call or observed call involves this
            component.
          </Typography>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No service mesh is configured (interchange.meshes in app-config).
          </Typography>
        )
      }
    >
      {a => (
        <>
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {a.meshes
              .map(
                m =>
                  `${m.title} (${m.type}${
                    m.metrics
                      ? `, traffic over the last ${windowText(m.windowSeconds)}`
                      : ', no metrics'
                  })`,
              )
              .join('; ')}
          </Typography>
          {a.meshes
            .filter(m => m.error)
            .map(m => (
              <Typography key={m.id} variant="body2" color="error">
                {m.title}: {m.error}
              </Typography>
            ))}
          {a.findings.map(f => (
            <Box
              key={`${f.rule}|${f.message}`}
              display="flex"
              gridGap={8}
              mb={1}
            >
              <SeverityChip severity={f.severity} />
              <Typography variant="body2">
                <strong>{f.rule}</strong> {f.message}
              </Typography>
            </Box>
          ))}
          {a.allowAny.map(r => (
            <Typography key={`${r.mesh}|${r.policy}`} variant="body2">
              {r.policy} lets any source ({r.source}) call this component.
            </Typography>
          ))}
          <Box mt={2}>
            <MeshAccessTable title="Callers" other="Caller" rows={a.callers} />
          </Box>
          <Box mt={2}>
            <MeshAccessTable title="Callees" other="Callee" rows={a.callees} />
          </Box>
        </>
      )}
    </EntityDataCard>
  );
}
