import { CheckRule, RuleFinding } from '../types';
import { withSkipped } from '../helpers';

/** `coupling/hub`: a component with many distinct integration partners. */
export const hubRule: CheckRule = {
  id: 'coupling/hub',
  defaultSeverity: 'warning',
  defaultThreshold: 12,
  description:
    'A component with more than `threshold` (default 12) distinct integration partners.',
  explanation:
    'A component that talks to most of the company becomes the place where every change lands and every outage spreads from. It is hard to change, hard to own and a single point of failure.',
  fix: 'Split the component by responsibility, or put an event stream between it and its partners so they stop depending on it directly.',
  run(graph, { threshold = 12 }) {
    const partners = new Map<string, Set<string>>();
    const add = (a: string, b: string) => {
      if (!partners.has(a)) partners.set(a, new Set());
      partners.get(a)!.add(b);
    };
    for (const e of graph.collapsed.components) {
      add(e.from, e.to);
      add(e.to, e.from);
    }
    const findings: RuleFinding[] = [];
    for (const [component, set] of partners) {
      if (set.size <= threshold) {
        continue;
      }
      const list = [...set].sort();
      findings.push(
        withSkipped(graph, {
          entityRef: component,
          entityRefs: [component],
          message: `${component} integrates with ${set.size} components (more than ${threshold})`,
          details: {
            count: set.size,
            threshold,
            partners: list.slice(0, 100),
          },
        }),
      );
    }
    return findings;
  },
};
