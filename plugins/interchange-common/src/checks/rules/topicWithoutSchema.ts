import { linksFrom } from '../../graph';
import { channelsOfStyle, specOf } from '../helpers';
import { CheckRule, RuleFinding } from '../types';

/** `hygiene/topic-without-schema`: events without a contract. */
export const topicWithoutSchemaRule: CheckRule = {
  id: 'hygiene/topic-without-schema',
  defaultSeverity: 'info',
  description: 'A topic with no `schema`.',
  explanation:
    'Without a schema the payload is whatever the producer sends today: consumers reverse-engineer it from samples and break silently when it changes.',
  fix: 'Describe the payload in an API entity (type asyncapi) and point spec.schema at it.',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const topic of channelsOfStyle(graph, 'event')) {
      const described = linksFrom(graph, topic.ref).some(
        l => l.type === 'describedBy',
      );
      if (described || specOf(topic).schema) {
        continue;
      }
      findings.push({
        entityRef: topic.ref,
        entityRefs: [topic.ref],
        message: `${topic.ref} has no schema`,
        details: { field: 'metadata.name' },
      });
    }
    return findings;
  },
};
