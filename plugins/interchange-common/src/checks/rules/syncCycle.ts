import { CheckRule, RuleFinding } from '../types';
import { cycleThrough, stronglyConnected } from '../stronglyConnected';

/** `coupling/sync-cycle`: systems that call each other synchronously in a cycle. */
export const syncCycleRule: CheckRule = {
  id: 'coupling/sync-cycle',
  defaultSeverity: 'error',
  description: 'A cycle of synchronous calls between two or more systems.',
  explanation:
    'When system A waits on B and B (directly or through others) waits on A, neither can be deployed, scaled or taken down on its own: an outage or a slow release in one stalls the others, and the cycle can deadlock under load. This is the classic distributed monolith.',
  fix: 'Break one hop of the cycle: replace a synchronous call with an event (the callee publishes what the caller needs), or move the shared logic into one of the systems.',
  run(graph) {
    const successors = new Map<string, string[]>();
    const channels = new Map<string, string[]>();
    for (const e of graph.collapsed.systems) {
      const sync = e.via.filter(v => v.sync).map(v => v.channel);
      if (sync.length === 0) {
        continue;
      }
      if (!successors.has(e.from)) successors.set(e.from, []);
      successors.get(e.from)!.push(e.to);
      channels.set(`${e.from}>${e.to}`, sync);
    }
    const next = (n: string) => successors.get(n) ?? [];
    const findings: RuleFinding[] = [];
    for (const scc of stronglyConnected([...successors.keys()].sort(), next)) {
      if (scc.length < 2) {
        continue;
      }
      const members = [...scc].sort();
      const cycle = cycleThrough(members[0], new Set(members), next);
      const hops = cycle.slice(1).map((to, i) => ({
        from: cycle[i],
        to,
        channels: channels.get(`${cycle[i]}>${to}`) ?? [],
      }));
      findings.push({
        entityRef: members[0],
        entityRefs: members,
        message: `Systems call each other synchronously in a cycle: ${cycle.join(
          ' -> ',
        )}`,
        details: { cycle, hops, systems: members },
      });
    }
    return findings;
  },
};
