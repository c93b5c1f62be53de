import { describeValue, EntityProblem } from './EntityProblem';
import { suggest } from './suggest';

type ConfigKind =
  | { kind: 'number'; min?: number; max?: number; example: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'cleanup.policy' }
  | { kind: 'string' };

const ms = (example: number): ConfigKind => ({
  kind: 'number',
  min: -1,
  example,
});
const bytes = (example: number): ConfigKind => ({
  kind: 'number',
  min: -1,
  example,
});

/**
 * Topic-level configs of Apache Kafka 4.x (the "Topic Configs" section of
 * the Kafka documentation) and the shape of their values. Keys outside this
 * list are flagged because the broker rejects unknown topic configs; vendor
 * extensions under `confluent.` pass through unchecked.
 */
export const KAFKA_TOPIC_CONFIGS: Record<string, ConfigKind> = {
  'cleanup.policy': { kind: 'cleanup.policy' },
  'compression.type': {
    kind: 'enum',
    values: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'],
  },
  'compression.gzip.level': { kind: 'number', min: -1, max: 9, example: 6 },
  'compression.lz4.level': { kind: 'number', min: 1, max: 17, example: 9 },
  'compression.zstd.level': {
    kind: 'number',
    min: -131072,
    max: 22,
    example: 3,
  },
  'delete.retention.ms': ms(86400000),
  'file.delete.delay.ms': ms(60000),
  'flush.messages': { kind: 'number', min: 1, example: 10000 },
  'flush.ms': ms(1000),
  'follower.replication.throttled.replicas': { kind: 'string' },
  'index.interval.bytes': bytes(4096),
  'leader.replication.throttled.replicas': { kind: 'string' },
  'local.retention.bytes': { kind: 'number', min: -2, example: -2 },
  'local.retention.ms': { kind: 'number', min: -2, example: -2 },
  'max.compaction.lag.ms': { kind: 'number', min: 1, example: 604800000 },
  'max.message.bytes': { kind: 'number', min: 0, example: 1048588 },
  'message.timestamp.after.max.ms': ms(3600000),
  'message.timestamp.before.max.ms': ms(604800000),
  'message.timestamp.type': {
    kind: 'enum',
    values: ['CreateTime', 'LogAppendTime'],
  },
  'min.cleanable.dirty.ratio': { kind: 'number', min: 0, max: 1, example: 0.5 },
  'min.compaction.lag.ms': { kind: 'number', min: 0, example: 0 },
  'min.insync.replicas': { kind: 'number', min: 1, example: 2 },
  preallocate: { kind: 'boolean' },
  'remote.storage.enable': { kind: 'boolean' },
  'remote.log.copy.disable': { kind: 'boolean' },
  'remote.log.delete.on.disable': { kind: 'boolean' },
  'retention.bytes': bytes(1073741824),
  'retention.ms': ms(604800000),
  'segment.bytes': { kind: 'number', min: 1048576, example: 1073741824 },
  'segment.index.bytes': { kind: 'number', min: 4, example: 10485760 },
  'segment.jitter.ms': { kind: 'number', min: 0, example: 0 },
  'segment.ms': { kind: 'number', min: 1, example: 604800000 },
  'unclean.leader.election.enable': { kind: 'boolean' },
};

const CLEANUP_POLICIES = ['delete', 'compact'];

/** A config value as a number, accepting the numeric strings Kafka itself uses. */
export function configNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  return undefined;
}

function checkOne(key: string, value: unknown): EntityProblem[] {
  const path = `spec.config.${key}`;
  // Own keys only: a key named like an Object member is an unknown config.
  const def = Object.hasOwn(KAFKA_TOPIC_CONFIGS, key)
    ? KAFKA_TOPIC_CONFIGS[key]
    : undefined;
  if (!def) {
    if (key.startsWith('confluent.')) {
      return [];
    }
    const guess = suggest(key, Object.keys(KAFKA_TOPIC_CONFIGS));
    return [
      {
        path,
        message: 'is not a Kafka topic config',
        fix: guess
          ? `did you mean '${guess}'?`
          : 'remove it, or check the topic configs in the Kafka documentation',
      },
    ];
  }
  switch (def.kind) {
    case 'number': {
      const n = configNumber(value);
      if (n === undefined) {
        return [
          {
            path,
            message: `must be a number (got ${describeValue(value)})`,
            fix: `write a plain number, e.g. ${def.example}`,
          },
        ];
      }
      if (
        (def.min !== undefined && n < def.min) ||
        (def.max !== undefined && n > def.max)
      ) {
        return [
          {
            path,
            message: `must be ${
              def.max === undefined
                ? `at least ${def.min}`
                : `between ${def.min} and ${def.max}`
            } (got ${n})`,
            fix: `use a value in range, e.g. ${def.example}`,
          },
        ];
      }
      return [];
    }
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? []
        : [
            {
              path,
              message: `must be true or false (got ${describeValue(value)})`,
              fix: 'write true or false',
            },
          ];
    case 'enum':
      return def.values.includes(String(value))
        ? []
        : [
            {
              path,
              message: `must be one of ${def.values.join(
                ', ',
              )} (got ${describeValue(value)})`,
              fix: `use one of ${def.values.join(', ')}`,
            },
          ];
    case 'cleanup.policy': {
      const parts = String(value)
        .split(',')
        .map(p => p.trim());
      const ok =
        typeof value === 'string' &&
        parts.length > 0 &&
        parts.every(p => CLEANUP_POLICIES.includes(p)) &&
        new Set(parts).size === parts.length;
      return ok
        ? []
        : [
            {
              path,
              message: `must be 'delete', 'compact' or both (got ${describeValue(
                value,
              )})`,
              fix: "use 'delete', 'compact' or 'compact,delete'",
            },
          ];
    }
    default:
      return typeof value === 'string'
        ? []
        : [
            {
              path,
              message: `must be a string (got ${describeValue(value)})`,
              fix: 'quote the value',
            },
          ];
  }
}

/** Checks every entry of a KafkaTopic's `spec.config` against Kafka's rules. */
export function kafkaTopicConfigProblems(
  config: Record<string, unknown>,
): EntityProblem[] {
  return Object.entries(config).flatMap(([key, value]) => checkOne(key, value));
}
