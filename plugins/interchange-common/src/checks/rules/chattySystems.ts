import { CheckRule, RuleFinding } from '../types';

/** `coupling/chatty-systems`: two systems joined by many integrations. */
export const chattySystemsRule: CheckRule = {
  id: 'coupling/chatty-systems',
  defaultSeverity: 'warning',
  defaultThreshold: 6,
  description:
    'Two systems joined by more than `threshold` (default 6) integrations.',
  explanation:
    'Many channels between two systems (topics, webhooks, API calls, in either direction) usually mean the boundary is in the wrong place: a feature needs changes on both sides, releases have to be coordinated, and the two teams spend their time in each other’s backlog.',
  fix: 'Look at what crosses the boundary: merge the two systems, move the chatty components to one side, or replace many fine-grained calls with a few coarse events.',
  run(graph, { threshold = 6 }) {
    const pairs = new Map<string, Set<string>>();
    for (const e of graph.collapsed.systems) {
      const [a, b] = [e.from, e.to].sort();
      const key = `${a}|${b}`;
      if (!pairs.has(key)) pairs.set(key, new Set());
      e.channels.forEach(c => pairs.get(key)!.add(c));
    }
    const findings: RuleFinding[] = [];
    for (const [key, channels] of pairs) {
      if (channels.size <= threshold) {
        continue;
      }
      const [a, b] = key.split('|');
      findings.push({
        entityRef: a,
        entityRefs: [a, b],
        message: `${a} and ${b} are joined by ${channels.size} integrations (more than ${threshold})`,
        details: {
          count: channels.size,
          threshold,
          channels: [...channels].sort(),
        },
      });
    }
    return findings;
  },
};
