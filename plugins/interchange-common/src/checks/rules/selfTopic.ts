import {
  channelsOfStyle,
  componentWriters,
  entityReaders,
  withSkipped,
} from '../helpers';
import { CheckRule, RuleFinding } from '../types';

/** `overengineering/self-topic`: a component talking to itself through a topic. */
export const selfTopicRule: CheckRule = {
  id: 'overengineering/self-topic',
  defaultSeverity: 'warning',
  description:
    'A topic whose producers and consumers are one and the same component.',
  explanation:
    'A component that only talks to itself through a broker pays for a topic (partitions, retention, schema, monitoring, on-call) to do what a function call, an in-process queue or a database table does. It is infrastructure without a second party.',
  fix: 'Use an in-process queue, a job table or a scheduled task inside the component, and delete the topic; keep it only if another component is about to consume it (then declare that consumer).',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const topic of channelsOfStyle(graph, 'event')) {
      const writers = componentWriters(graph, topic.ref);
      const readers = entityReaders(graph, topic.ref);
      if (writers.length === 0 || readers.length === 0) {
        continue;
      }
      const parties = new Set([...writers, ...readers]);
      if (parties.size !== 1) {
        continue;
      }
      const [component] = parties;
      findings.push(
        withSkipped(graph, {
          entityRef: topic.ref,
          entityRefs: [topic.ref, component],
          message: `${component} is the only producer and the only consumer of ${topic.ref}`,
          details: { component },
        }),
      );
    }
    return findings;
  },
};
