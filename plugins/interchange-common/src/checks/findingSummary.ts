import { CheckFinding } from './types';

/**
 * A finding as answers show it to people and tools: everything but the
 * rule's own `details`, which only the rule and the places it links to
 * (a file's line, the map) read.
 *
 * @public
 */
export type CheckFindingSummary = Omit<CheckFinding, 'details'>;

/**
 * The summary of a finding (the CLI's `check --format json`, the mesh
 * access answer).
 *
 * @public
 */
export function summarizeFinding(finding: CheckFinding): CheckFindingSummary {
  return {
    rule: finding.rule,
    severity: finding.severity,
    entityRef: finding.entityRef,
    entityRefs: finding.entityRefs,
    message: finding.message,
    fix: finding.fix,
  };
}
