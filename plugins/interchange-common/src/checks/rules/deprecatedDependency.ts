import { collapsedFrom, IntegrationGraph } from '../../graph';
import { CheckRule, RuleFinding } from '../types';

/** What a component produces to, consumes from or calls, with how. */
function dependenciesOf(
  graph: IntegrationGraph,
  component: string,
): Array<{ ref: string; how: string }> {
  const out: Array<{ ref: string; how: string }> = [];
  for (const e of graph.outgoing.get(component) ?? []) {
    out.push({ ref: e.to, how: e.sync ? 'calls' : 'produces to' });
  }
  for (const e of graph.incoming.get(component) ?? []) {
    // Async flows into the component: it consumes from the channel.
    if (!e.sync && graph.nodes.get(e.from)?.category === 'integration') {
      out.push({ ref: e.from, how: 'consumes from' });
    }
  }
  for (const e of collapsedFrom(graph, component)) {
    if (e.sync) {
      out.push({ ref: e.to, how: 'calls' });
    }
  }
  return out;
}

/** `hygiene/deprecated-dependency`: production code on deprecated things. */
export const deprecatedDependencyRule: CheckRule = {
  id: 'hygiene/deprecated-dependency',
  defaultSeverity: 'warning',
  description:
    'A `production` component that produces to, consumes from or calls an entity whose lifecycle is `deprecated`.',
  explanation:
    'Deprecated means it will go away. Production components still tied to it will break on the day it is removed, usually found out in an incident instead of a plan.',
  fix: 'Move the component to the replacement (ask the deprecated entity’s owner), or ask them to keep it alive and change its lifecycle.',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const node of graph.nodes.values()) {
      if (node.category !== 'component' || node.lifecycle !== 'production') {
        continue;
      }
      const seen = new Set<string>();
      for (const { ref, how } of dependenciesOf(graph, node.ref)) {
        const target = graph.nodes.get(ref);
        if (target?.lifecycle !== 'deprecated' || seen.has(ref)) {
          continue;
        }
        seen.add(ref);
        findings.push({
          entityRef: node.ref,
          entityRefs: [node.ref, ref],
          message: `${node.ref} (production) ${how} ${ref}, which is deprecated`,
          details: { dependency: ref, how },
        });
      }
    }
    return findings;
  },
};
