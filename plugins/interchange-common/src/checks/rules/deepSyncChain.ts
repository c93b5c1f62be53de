import { CheckRule, RuleFinding } from '../types';
import { stronglyConnected } from '../stronglyConnected';

/**
 * `coupling/deep-sync-chain`: a synchronous call chain longer than the
 * threshold. Cycles are `coupling/sync-cycle`'s business (between systems):
 * here each strongly connected group counts once, so the longest chain is
 * found in linear time on what is left, a DAG.
 */
export const deepSyncChainRule: CheckRule = {
  id: 'coupling/deep-sync-chain',
  defaultSeverity: 'warning',
  defaultThreshold: 4,
  description:
    'A synchronous call chain longer than `threshold` (default 4) hops.',
  explanation:
    'Every synchronous hop adds its latency and multiplies the chance of failure: with five services at 99.9% each, the chain is down about four hours a month, and a timeout at the end ripples back to the first caller.',
  fix: 'Shorten the chain: let a service keep the data it needs (fed by events) instead of asking downstream on each request, or call independent services in parallel from the edge.',
  run(graph, { threshold = 4 }) {
    const successors = new Map<string, string[]>();
    const nodes = new Set<string>();
    for (const e of graph.collapsed.components) {
      if (!e.via.some(v => v.sync)) {
        continue;
      }
      nodes.add(e.from);
      nodes.add(e.to);
      if (!successors.has(e.from)) successors.set(e.from, []);
      successors.get(e.from)!.push(e.to);
    }
    const next = (n: string) => successors.get(n) ?? [];
    // Reverse topological order: successors' groups come first.
    const sccs = stronglyConnected([...nodes].sort(), next);
    const groupOf = new Map<string, number>();
    sccs.forEach((members, i) => members.forEach(m => groupOf.set(m, i)));
    const best: Array<{ length: number; from?: string; to?: string }> =
      sccs.map(() => ({ length: 0 }));
    const hasIncoming = new Set<number>();
    sccs.forEach((members, i) => {
      for (const m of members) {
        for (const t of next(m)) {
          const g = groupOf.get(t)!;
          if (g === i) {
            continue;
          }
          hasIncoming.add(g);
          if (best[g].length + 1 > best[i].length) {
            best[i] = { length: best[g].length + 1, from: m, to: t };
          }
        }
      }
    });
    const findings: RuleFinding[] = [];
    sccs.forEach((_members, i) => {
      if (hasIncoming.has(i) || best[i].length <= threshold) {
        return;
      }
      const chain: string[] = [];
      let g: number | undefined = i;
      while (g !== undefined && best[g].from) {
        const { from, to } = best[g];
        if (chain[chain.length - 1] !== from) chain.push(from!);
        chain.push(to!);
        g = groupOf.get(to!);
      }
      findings.push({
        entityRef: chain[0],
        entityRefs: [...new Set(chain)],
        message: `A synchronous call chain of ${
          best[i].length
        } hops (more than ${threshold}) starts at ${chain[0]}: ${chain.join(
          ' -> ',
        )}`,
        details: { hops: best[i].length, threshold, chain },
      });
    });
    return findings;
  },
};
