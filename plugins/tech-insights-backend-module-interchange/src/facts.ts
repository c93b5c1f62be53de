import { parseEntityRef } from '@backstage/catalog-model';
import { TechInsightFact } from '@backstage-community/plugin-tech-insights-node';

/** Finding counts of one entity, by severity. */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/**
 * Counts findings per entity: a finding counts for its entity and for every
 * other entity it involves (both ends of an anti-pattern should see it).
 * Refs are lower-case `kind:namespace/name`, as the checks API returns them.
 */
export function countFindings(
  findings: Array<{ entityRefs: string[]; severity: string }>,
): Map<string, FindingCounts> {
  const counts = new Map<string, FindingCounts>();
  for (const f of findings) {
    if (
      f.severity !== 'error' &&
      f.severity !== 'warning' &&
      f.severity !== 'info'
    ) {
      continue;
    }
    for (const ref of new Set(
      f.entityRefs.map(r => r.toLocaleLowerCase('en-US')),
    )) {
      const c = counts.get(ref) ?? { error: 0, warning: 0, info: 0 };
      c[f.severity] += 1;
      counts.set(ref, c);
    }
  }
  return counts;
}

/** Consumer-group statuses from best to worst, as the lag status rules rank them. */
const LAG_ORDER = ['OK', 'WARNING', 'STALLED', 'STOPPED', 'ERROR'];

/**
 * The worst status of an entity's consumer groups; `UNKNOWN` when no group
 * has been judged yet (no lag samples), `NONE` without groups.
 */
export function worstLagStatus(statuses: Array<string | undefined>): string {
  if (statuses.length === 0) {
    return 'NONE';
  }
  const judged = statuses.filter(
    (s): s is string => !!s && LAG_ORDER.includes(s),
  );
  if (judged.length === 0) {
    return 'UNKNOWN';
  }
  return judged.reduce((worst, s) =>
    LAG_ORDER.indexOf(s) > LAG_ORDER.indexOf(worst) ? s : worst,
  );
}

/** A fact row for an entity ref. */
export function factFor(
  entityRef: string,
  facts: TechInsightFact['facts'],
): TechInsightFact {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return { entity: { kind, namespace, name }, facts };
}
