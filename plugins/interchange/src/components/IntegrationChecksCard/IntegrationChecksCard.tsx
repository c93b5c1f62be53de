import { Divider, Typography } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  IntegrationChecks,
  IntegrationChecksFilter,
  InterchangeApi,
} from '../../api';
import { EntityDataCard } from '../EntityDataCard';
import { FindingSummary } from './FindingSummary';
import { formatTime } from './formatTime';
import { useChecksLink } from './useChecksLink';

/**
 * The findings an entity's page shows: those involving the entity; for a
 * system those of its entities too, for a group those of what it owns.
 */
export function checksFilterFor(
  entity: CompoundEntityRef,
): IntegrationChecksFilter {
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  switch (entity.kind.toLocaleLowerCase('en-US')) {
    case 'system':
      return { system: ref };
    case 'group':
      return { owner: ref };
    default:
      return { entityRef: ref };
  }
}

const load = (api: InterchangeApi, entity: CompoundEntityRef) =>
  api.getChecks(checksFilterFor(entity));

function Footer(props: { checks: IntegrationChecks }) {
  const link = useChecksLink();
  const { computedAt } = props.checks;
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      {computedAt
        ? `Checked ${formatTime(computedAt)}. `
        : 'The checks have not run yet: the backend runs them shortly after start-up, then every 10 minutes by default. '}
      {link ? <Link to={link}>All findings</Link> : null}
    </Typography>
  );
}

/**
 * "Integration checks": the anti-pattern findings (docs/checks.md) that
 * concern the page's component, system, group or integration, errors first.
 *
 * @public
 */
export function IntegrationChecksCard(props: { title?: string }) {
  return (
    <EntityDataCard<IntegrationChecks>
      title={props.title ?? 'Integration checks'}
      subject="integration checks"
      failure="Could not read the integration checks"
      load={load}
      isEmpty={v => v.findings.length === 0}
      empty={v => (
        <>
          {v?.computedAt ? (
            <Typography variant="body2" color="textSecondary" paragraph>
              No findings: no anti-pattern or hygiene problem involves this
              entity.
            </Typography>
          ) : null}
          {v ? <Footer checks={v} /> : null}
        </>
      )}
    >
      {v => (
        <>
          {v.findings.map((f, i) => (
            <div key={`${f.rule}|${f.entityRef}|${f.entityRefs.join(',')}`}>
              {i > 0 ? <Divider /> : null}
              <FindingSummary finding={f} />
            </div>
          ))}
          <Footer checks={v} />
        </>
      )}
    </EntityDataCard>
  );
}
