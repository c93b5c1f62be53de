import type { IntegrationCheckFinding } from '../../api';

/** The page's filters; empty strings mean "any". */
export interface FindingsFilter {
  rule: string;
  severity: string;
  /** An owner ref, e.g. `group:default/team-a`. */
  team: string;
  /** A system ref. */
  system: string;
  /** `YYYY-MM-DD`: findings first seen on or after that day (UTC). */
  newSince: string;
}

export const NO_FILTER: FindingsFilter = {
  rule: '',
  severity: '',
  team: '',
  system: '',
  newSince: '',
};

/** The findings that pass every filter. */
export function filterFindings(
  findings: IntegrationCheckFinding[],
  filter: FindingsFilter,
): IntegrationCheckFinding[] {
  const since = filter.newSince
    ? Date.parse(`${filter.newSince}T00:00:00Z`)
    : NaN;
  return findings.filter(
    f =>
      (!filter.rule || f.rule === filter.rule) &&
      (!filter.severity || f.severity === filter.severity) &&
      (!filter.team || f.owners.includes(filter.team)) &&
      (!filter.system || f.systems.includes(filter.system)) &&
      (Number.isNaN(since) || Date.parse(f.firstSeen) >= since),
  );
}

/** The distinct values of a field over the findings, sorted. */
export function choices(
  findings: IntegrationCheckFinding[],
  pick: (f: IntegrationCheckFinding) => string[],
): string[] {
  return [...new Set(findings.flatMap(pick))].sort();
}
