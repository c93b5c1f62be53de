import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  makeValidator,
} from '@backstage/catalog-model';
import {
  ANNOTATION_DISCOVERED,
  INTERCHANGE_API_VERSION,
  KafkaTopicEntityV1alpha1,
} from '@interchange/plugin-interchange-common';

const validator = makeValidator();

/**
 * An entity name for a topic: the topic name itself when the catalog accepts
 * it (the common case), otherwise a sanitised, shortened form with a hash so
 * two long topics never collide. `spec.topicName` always keeps the real name.
 */
export function entityNameForTopic(topic: string): string {
  if (validator.isValidEntityName(topic)) {
    return topic;
  }
  let hash = 0;
  for (const ch of topic) {
    hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  }
  const suffix = (hash >>> 0).toString(36);
  const base = topic
    .replace(/[^a-zA-Z0-9._-]/g, '-')
    .replace(/^[^a-zA-Z0-9]+/, '')
    .slice(0, 63 - suffix.length - 1)
    .replace(/[^a-zA-Z0-9]+$/, '');
  return `${base || 'topic'}-${suffix}`;
}

/** The KafkaTopic entity for a topic found on a cluster. */
export function discoveredTopicEntity(options: {
  cluster: string;
  topic: string;
  partitions: number;
  replicationFactor: number;
  owner: string;
  namespace: string;
  name?: string;
  locationKey: string;
}): KafkaTopicEntityV1alpha1 {
  return {
    apiVersion: INTERCHANGE_API_VERSION,
    kind: 'KafkaTopic',
    metadata: {
      name: options.name ?? entityNameForTopic(options.topic),
      namespace: options.namespace,
      description: `Found on Kafka cluster ${options.cluster}; no catalog file declares this topic yet. Declare it in its owner's repository to add producers, consumers and a schema.`,
      tags: ['discovered'],
      annotations: {
        [ANNOTATION_LOCATION]: options.locationKey,
        [ANNOTATION_ORIGIN_LOCATION]: options.locationKey,
        [ANNOTATION_DISCOVERED]: 'true',
      },
    },
    spec: {
      type: 'discovered',
      lifecycle: 'unknown',
      owner: options.owner,
      cluster: options.cluster,
      topicName: options.topic,
      partitions: options.partitions,
      replicationFactor: options.replicationFactor,
    },
  };
}
