import { channelsOfStyle, withSkipped } from '../helpers';
import { writersOf } from '../../graph';
import { CheckRule, RuleFinding } from '../types';

/** `hygiene/writerless-topic`: a topic nobody produces to. */
export const writerlessTopicRule: CheckRule = {
  id: 'hygiene/writerless-topic',
  defaultSeverity: 'warning',
  description: 'A topic with no producer.',
  explanation:
    'Consumers of a topic without a declared producer depend on something nobody owns in the catalog: when the producer changes the payload or stops, nobody knows whom to tell.',
  fix: 'Declare the producers (the topic’s spec.producers or the component’s spec.producesTo); if nothing writes to it any more, delete the topic.',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const topic of channelsOfStyle(graph, 'event')) {
      if (writersOf(graph, topic.ref).length > 0) {
        continue;
      }
      findings.push(
        withSkipped(graph, {
          entityRef: topic.ref,
          entityRefs: [topic.ref],
          message: `${topic.ref} has no producer in the catalog`,
        }),
      );
    }
    return findings;
  },
};
