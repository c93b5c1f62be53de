import {
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@material-ui/core';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { MeshAccessDecision, MeshAccessRow } from '../../api';

function allowedText(a: MeshAccessDecision): string {
  const word = a.decision === 'custom' ? 'external authorizer' : a.decision;
  return `${word}${a.conditional ? ' (some requests)' : ''}`;
}

/** With several meshes on a row, each answer says whose it is. */
function meshPrefix(entries: number, mesh: string): string {
  return entries > 1 ? `${mesh}: ` : '';
}

/** One column per question: declared in the catalog, allowed by the mesh, observed. */
export function MeshAccessTable(props: {
  title: string;
  /** Heading of the other component's column, "Caller" or "Callee". */
  other: string;
  rows: MeshAccessRow[];
}) {
  if (!props.rows.length) {
    return (
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {props.title}: none.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="subtitle2">{props.title}</Typography>
      <Table size="small" aria-label={props.title}>
        <TableHead>
          <TableRow>
            <TableCell>{props.other}</TableCell>
            <TableCell>Declared</TableCell>
            <TableCell>Allowed by the mesh</TableCell>
            <TableCell>Observed</TableCell>
            <TableCell>Differences</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map(r => (
            <TableRow key={r.entityRef}>
              <TableCell>
                <EntityRefLink entityRef={r.entityRef} />
              </TableCell>
              <TableCell>
                {r.declared ? `yes (${r.declaredVia.join(', ')})` : 'no'}
              </TableCell>
              <TableCell>
                {r.allowed.length
                  ? r.allowed.map(a => (
                      <Tooltip key={a.mesh} title={a.reason}>
                        <div>
                          {meshPrefix(r.allowed.length, a.mesh)}
                          {allowedText(a)}
                          {a.policy ? ` — ${a.policy}` : ''}
                        </div>
                      </Tooltip>
                    ))
                  : 'no rule'}
              </TableCell>
              <TableCell>
                {r.observed
                  ? r.observed.map(o => (
                      <div key={o.mesh}>
                        {meshPrefix(r.observed!.length, o.mesh)}
                        {o.requests} request{o.requests === 1 ? '' : 's'}
                      </div>
                    ))
                  : 'no metrics'}
              </TableCell>
              <TableCell>
                {r.differences.map(d => (
                  <Chip key={d} size="small" label={d} />
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
