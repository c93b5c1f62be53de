import { KafkaTopicEntityV1alpha1 } from '../entities/types';
import { checkEntityRef } from './entityRefs';
import { EntityProblem } from './EntityProblem';
import { configNumber, kafkaTopicConfigProblems } from './kafkaTopicConfigs';

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
  const problems: EntityProblem[] = [];

  const topicName = spec.topicName ?? entity.metadata.name;
  const nameProblem =
    typeof topicName === 'string'
      ? kafkaTopicNameProblem(topicName)
      : undefined;
  if (nameProblem) {
    problems.push({
      path: spec.topicName === undefined ? 'metadata.name' : 'spec.topicName',
      message: nameProblem,
      fix: "use a name such as 'orders.order-placed.v1'",
    });
  }

  if (
    options.knownClusters &&
    typeof spec.cluster === 'string' &&
    !options.knownClusters.includes(spec.cluster)
  ) {
    problems.push({
      path: 'spec.cluster',
      message: `'${spec.cluster}' is not a configured Kafka cluster`,
      fix: options.knownClusters.length
        ? `use one of ${options.knownClusters
            .map(c => `'${c}'`)
            .join(', ')}, or add it to interchange.kafka.clusters in app-config`
        : 'add it to interchange.kafka.clusters in app-config',
    });
  }

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

  problems.push(
    ...checkEntityRef(spec.schema, 'spec.schema', {
      defaultKind: 'API',
      allowedKinds: ['API'],
      example: 'api:order-events',
    }),
  );
  (Array.isArray(spec.producers) ? spec.producers : []).forEach((ref, i) =>
    problems.push(
      ...checkEntityRef(ref, `spec.producers[${i}]`, {
        defaultKind: 'Component',
        example: 'checkout-service',
      }),
    ),
  );
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
