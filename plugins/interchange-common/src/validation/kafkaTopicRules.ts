import { KafkaTopicEntityV1alpha1 } from '../entities/types';
import { checkEntityRef } from './entityRefs';
import { EntityProblem } from './EntityProblem';
import { configNumber, kafkaTopicConfigProblems } from './kafkaTopicConfigs';
import {
  brokerNameProblems,
  configuredIdProblems,
  schemaAndProducersProblems,
} from './specRules';

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/**
 * Kafka's own rule for topic names (`org.apache.kafka.common.internals.Topic`):
 * 1-249 characters of letters, digits, '.', '_' and '-', and not '.' or '..'.
 *
 * @public
 */
export function kafkaTopicNameProblem(name: string): string | undefined {
  if (name === '.' || name === '..') {
    return `'${name}' is reserved by Kafka`;
  }
  if (name.length === 0) {
    return 'must not be empty';
  }
  if (name.length > 249) {
    return `is ${name.length} characters long; Kafka allows at most 249`;
  }
  if (!TOPIC_NAME.test(name)) {
    const bad = [...new Set(name.replace(/[a-zA-Z0-9._-]/g, ''))]
      .map(c => `'${c}'`)
      .join(', ');
    return `contains ${bad}; Kafka topic names may only use letters, digits, '.', '_' and '-'`;
  }
  return undefined;
}

/** Rules for a KafkaTopic beyond its JSON schema. */
export function kafkaTopicProblems(
  entity: KafkaTopicEntityV1alpha1,
  options: { knownClusters?: string[] },
): EntityProblem[] {
  const spec = entity.spec;
  const problems: EntityProblem[] = [
    ...brokerNameProblems(
      entity,
      'topicName',
      kafkaTopicNameProblem,
      "use a name such as 'orders.order-placed.v1'",
    ),
    ...configuredIdProblems(
      spec.cluster,
      'spec.cluster',
      options.knownClusters,
      'Kafka cluster',
      'interchange.kafka.clusters',
    ),
  ];

  if (spec.config && typeof spec.config === 'object') {
    problems.push(...kafkaTopicConfigProblems(spec.config));
    const minIsr = configNumber(spec.config['min.insync.replicas']);
    if (
      minIsr !== undefined &&
      typeof spec.replicationFactor === 'number' &&
      minIsr > spec.replicationFactor
    ) {
      problems.push({
        path: 'spec.config.min.insync.replicas',
        message: `is ${minIsr} but spec.replicationFactor is ${spec.replicationFactor}, so no write could ever be acknowledged by acks=all producers`,
        fix: `lower min.insync.replicas to at most ${spec.replicationFactor}, or raise spec.replicationFactor`,
      });
    }
  }

  problems.push(...schemaAndProducersProblems(spec, 'checkout-service'));
  (Array.isArray(spec.consumers) ? spec.consumers : []).forEach((c, i) => {
    const isObject = typeof c === 'object' && c !== null;
    problems.push(
      ...checkEntityRef(
        isObject ? c.entityRef : c,
        isObject ? `spec.consumers[${i}].entityRef` : `spec.consumers[${i}]`,
        { defaultKind: 'Component', example: 'shipping-service' },
      ),
    );
  });
  return problems;
}
