import {
  channelsOfStyle,
  componentWriters,
  listRefs,
  withSkipped,
} from '../helpers';
import { CheckRule, RuleFinding } from '../types';

/** `coupling/shared-topic-writers`: a topic written by more than one system. */
export const sharedTopicWritersRule: CheckRule = {
  id: 'coupling/shared-topic-writers',
  defaultSeverity: 'warning',
  description:
    'A topic written by components of more than one system (a topic used as a shared database).',
  explanation:
    'A topic belongs to the system whose events it carries. When several systems write to it, nobody owns its contract: a change of schema or meaning by one writer breaks the consumers of the others, and consumers cannot tell whose fact an event states.',
  fix: 'Give each system its own topic for its own events (consumers subscribe to both), or route the other systems’ writes through the owning system’s API.',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const topic of channelsOfStyle(graph, 'event')) {
      const bySystem = new Map<string, string[]>();
      for (const w of componentWriters(graph, topic.ref)) {
        const system = graph.nodes.get(w)?.system;
        if (system) {
          if (!bySystem.has(system)) bySystem.set(system, []);
          bySystem.get(system)!.push(w);
        }
      }
      if (bySystem.size < 2) {
        continue;
      }
      const systems = [...bySystem.keys()].sort();
      const writers = systems.flatMap(s => bySystem.get(s)!);
      findings.push(
        withSkipped(graph, {
          entityRef: topic.ref,
          entityRefs: [topic.ref, ...writers, ...systems],
          message: `${topic.ref} is written by ${
            systems.length
          } systems: ${listRefs(systems)}`,
          details: {
            systems,
            writersBySystem: Object.fromEntries(bySystem),
          },
        }),
      );
    }
    return findings;
  },
};
