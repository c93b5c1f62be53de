import type {
  CheckFinding,
  IntegrationGraph,
} from '@interchange/plugin-interchange-common';
import { ChecksStore } from '../checks/ChecksStore';
import { computeChecks } from '../checks/computeChecks';

/**
 * The findings the strategy document counts: the checks task's latest
 * stored run, so the document and GET /checks agree. Before the task's first
 * run (just after start-up) they are computed on the same graph with the
 * same rule settings.
 */
export async function strategyFindings(options: {
  checks: ChecksStore;
  graph: IntegrationGraph;
  rules: unknown;
  now: Date;
}): Promise<CheckFinding[]> {
  const stored = await options.checks.read();
  if (stored.computedAt) {
    return stored.findings;
  }
  return computeChecks(options.graph, {
    rules: options.rules,
    now: options.now,
  }).findings;
}
