import { KafkaTopicEntityV1alpha1 } from '../entities/types';

/** One difference between what a KafkaTopic entity declares and the broker has. @public */
export interface TopicDrift {
  /** `partitions`, `replicationFactor`, `config.<name>` or `topic`. */
  field: string;
  declared: string;
  actual: string;
  message: string;
}

/** What the broker reports for a topic. @public */
export interface ActualTopic {
  partitions: number;
  replicationFactor: number;
  /** Effective config values by name (defaults included). */
  configs: Record<string, string | undefined>;
}

/** Kafka reports configs as strings; compare in that form, lists unordered. */
function normalise(name: string, value: unknown): string {
  const text = String(value).trim();
  if (name === 'cleanup.policy') {
    return text
      .split(',')
      .map(p => p.trim())
      .filter(Boolean)
      .sort()
      .join(',');
  }
  return text;
}

/**
 * The differences between a KafkaTopic entity and the topic on its cluster.
 * Only what the entity declares is compared: an undeclared setting is the
 * platform team's default, not drift. `actual` undefined means the topic
 * does not exist.
 *
 * @public
 */
export function computeTopicDrift(
  entity: KafkaTopicEntityV1alpha1,
  actual: ActualTopic | undefined,
): TopicDrift[] {
  const spec = entity.spec;
  if (!actual) {
    return [
      {
        field: 'topic',
        declared: 'exists',
        actual: 'missing',
        message: `the topic does not exist on cluster ${spec.cluster}`,
      },
    ];
  }
  const drift: TopicDrift[] = [];
  if (spec.partitions !== undefined && spec.partitions !== actual.partitions) {
    drift.push({
      field: 'partitions',
      declared: String(spec.partitions),
      actual: String(actual.partitions),
      message:
        actual.partitions > spec.partitions
          ? `the topic has ${actual.partitions} partitions, more than the ${spec.partitions} declared (partitions can only be added, so update the entity)`
          : `the topic has ${actual.partitions} partitions, fewer than the ${spec.partitions} declared`,
    });
  }
  if (
    spec.replicationFactor !== undefined &&
    spec.replicationFactor !== actual.replicationFactor
  ) {
    drift.push({
      field: 'replicationFactor',
      declared: String(spec.replicationFactor),
      actual: String(actual.replicationFactor),
      message: `replication factor is ${actual.replicationFactor}, declared ${spec.replicationFactor}`,
    });
  }
  for (const [name, value] of Object.entries(spec.config ?? {})) {
    const declared = normalise(name, value);
    const raw = actual.configs[name];
    const current = raw === undefined ? undefined : normalise(name, raw);
    if (current !== declared) {
      drift.push({
        field: `config.${name}`,
        declared,
        actual: current ?? '(not reported)',
        message: `${name} is ${
          current ?? 'not reported by the broker'
        }, declared ${declared}`,
      });
    }
  }
  return drift;
}
