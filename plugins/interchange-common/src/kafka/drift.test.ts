import { KafkaTopicEntityV1alpha1 } from '../entities/types';
import { computeTopicDrift } from './drift';

const entity = (
  spec: Partial<KafkaTopicEntityV1alpha1['spec']>,
): KafkaTopicEntityV1alpha1 => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'KafkaTopic',
  metadata: { name: 'orders' },
  spec: { owner: 'team', cluster: 'local', ...spec },
});

describe('computeTopicDrift', () => {
  const actual = {
    partitions: 6,
    replicationFactor: 1,
    configs: {
      'retention.ms': '604800000',
      'cleanup.policy': 'delete,compact',
      'compression.type': 'producer',
    },
  };

  it('finds nothing when the broker matches what is declared', () => {
    expect(
      computeTopicDrift(
        entity({
          partitions: 6,
          replicationFactor: 1,
          config: {
            'retention.ms': 604800000,
            'cleanup.policy': 'compact,delete',
          },
        }),
        actual,
      ),
    ).toEqual([]);
  });

  it('ignores settings the entity does not declare', () => {
    expect(computeTopicDrift(entity({}), actual)).toEqual([]);
  });

  it('lists each difference', () => {
    expect(
      computeTopicDrift(
        entity({
          partitions: 3,
          replicationFactor: 3,
          config: {
            'retention.ms': 86400000,
            'compression.type': 'zstd',
            'min.compaction.lag.ms': 1,
          },
        }),
        actual,
      ),
    ).toEqual([
      {
        field: 'partitions',
        declared: '3',
        actual: '6',
        message:
          'the topic has 6 partitions, more than the 3 declared (partitions can only be added, so update the entity)',
      },
      {
        field: 'replicationFactor',
        declared: '3',
        actual: '1',
        message: 'replication factor is 1, declared 3',
      },
      {
        field: 'config.retention.ms',
        declared: '86400000',
        actual: '604800000',
        message: 'retention.ms is 604800000, declared 86400000',
      },
      {
        field: 'config.compression.type',
        declared: 'zstd',
        actual: 'producer',
        message: 'compression.type is producer, declared zstd',
      },
      {
        field: 'config.min.compaction.lag.ms',
        declared: '1',
        actual: '(not reported)',
        message:
          'min.compaction.lag.ms is not reported by the broker, declared 1',
      },
    ]);
  });

  it('reports a missing topic', () => {
    expect(computeTopicDrift(entity({ cluster: 'prod' }), undefined)).toEqual([
      {
        field: 'topic',
        declared: 'exists',
        actual: 'missing',
        message: 'the topic does not exist on cluster prod',
      },
    ]);
  });
});
