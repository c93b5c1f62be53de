import {
  CheckLiveData,
  CheckRule,
  IntegrationGraph,
  runChecks,
} from '@interchange/plugin-interchange-common';
import { FindingToStore, SkippedRule } from './ChecksStore';

/**
 * Runs the checks on the catalog's graph for storing: each finding with the
 * owners and systems of the entities it involves (the page and cards filter
 * on them). Live data the run could not collect leaves its rules skipped,
 * each with its own reason.
 */
export function computeChecks(
  graph: IntegrationGraph,
  options: {
    rules: unknown;
    /** Default: the built-in rules. */
    ruleSet?: readonly CheckRule[];
    now: Date;
    liveData?: CheckLiveData;
  },
): {
  findings: FindingToStore[];
  skippedRules: SkippedRule[];
  excused: number;
} {
  const result = runChecks(graph, {
    config: options.rules,
    rules: options.ruleSet,
    now: options.now,
    // An empty set: each live rule then says which live data it lacks.
    liveData: options.liveData ?? {},
  });
  const findings = result.findings.map(f => {
    const owners = new Set<string>();
    const systems = new Set<string>();
    for (const ref of f.entityRefs) {
      const node = graph.nodes.get(ref);
      if (!node) {
        continue;
      }
      if (node.owner) {
        owners.add(node.owner);
      }
      if (node.category === 'system') {
        systems.add(node.ref);
      } else if (node.system) {
        systems.add(node.system);
      }
    }
    return { ...f, owners: [...owners], systems: [...systems] };
  });
  return {
    findings,
    skippedRules: result.skippedRules,
    excused: result.excused.length,
  };
}
