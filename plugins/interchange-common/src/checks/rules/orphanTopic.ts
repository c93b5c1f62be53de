import { channelsOfStyle, entityReaders, withSkipped } from '../helpers';
import { CheckRule, RuleFinding } from '../types';

/** `hygiene/orphan-topic`: a topic nobody consumes. */
export const orphanTopicRule: CheckRule = {
  id: 'hygiene/orphan-topic',
  defaultSeverity: 'warning',
  description: 'A topic with no consumer.',
  explanation:
    'Events written where nobody reads them cost storage and producer effort, and suggest a data flow that does not exist; often the consumer exists but is not declared, which hides a dependency from impact analysis.',
  fix: 'Declare the consumers (the topic’s spec.consumers or the component’s spec.consumesFrom); if there are none, stop producing and delete the topic.',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const topic of channelsOfStyle(graph, 'event')) {
      if (entityReaders(graph, topic.ref).length > 0) {
        continue;
      }
      findings.push(
        withSkipped(graph, {
          entityRef: topic.ref,
          entityRefs: [topic.ref],
          message: `${topic.ref} has no consumer in the catalog`,
        }),
      );
    }
    return findings;
  },
};
