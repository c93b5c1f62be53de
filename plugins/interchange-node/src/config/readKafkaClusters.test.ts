import { ConfigReader } from '@backstage/config';
import { readKafkaClusters } from './readKafkaClusters';

const kafka = (clusters: any[]) =>
  new ConfigReader({ interchange: { kafka: { clusters } } });

describe('readKafkaClusters', () => {
  it('applies defaults', () => {
    expect(
      readKafkaClusters(kafka([{ id: 'local', brokers: ['127.0.0.1:19092'] }])),
    ).toEqual([
      {
        id: 'local',
        title: 'local',
        brokers: ['127.0.0.1:19092'],
        clientId: 'backstage-interchange',
        adapter: 'platformatic',
        requestTimeoutMs: 10000,
        dashboardUrl: undefined,
        ssl: undefined,
        sasl: undefined,
        policy: {},
      },
    ]);
    expect(readKafkaClusters(new ConfigReader({}))).toEqual([]);
  });

  it('reads TLS and SASL', () => {
    const [c] = readKafkaClusters(
      kafka([
        {
          id: 'prod-eu',
          brokers: ['k1:9093'],
          adapter: 'kafkajs',
          ssl: { ca: 'PEM', rejectUnauthorized: false },
          sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' },
        },
      ]),
    );
    expect(c.adapter).toBe('kafkajs');
    expect(c.ssl).toEqual({
      ca: 'PEM',
      cert: undefined,
      key: undefined,
      rejectUnauthorized: false,
    });
    expect(c.sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: 'u',
      password: 'p',
    });
  });

  it('reads the topic policy', () => {
    const [c] = readKafkaClusters(
      kafka([
        {
          id: 'a',
          brokers: ['k:1'],
          policy: {
            namePattern: '^[a-z.]+$',
            partitions: { min: 1, max: 12, default: 3 },
            requiredConfigs: ['retention.ms'],
            defaultConfigs: {
              'cleanup.policy': 'delete',
              'retention.ms': 1000,
            },
          },
        },
      ]),
    );
    expect(c.policy).toEqual({
      namePattern: '^[a-z.]+$',
      nameDescription: undefined,
      partitions: { min: 1, max: 12, default: 3 },
      replicationFactor: undefined,
      requiredConfigs: ['retention.ms'],
      allowedConfigs: undefined,
      defaultConfigs: { 'cleanup.policy': 'delete', 'retention.ms': '1000' },
    });
  });

  it.each([
    [
      [{ id: 'a', brokers: ['k:1'], policy: { namePattern: '([a-z' } }],
      "interchange.kafka.clusters[0].policy.namePattern: '([a-z' is not a valid regular expression",
    ],
    [
      [{ id: 'a', brokers: ['k:1'], policy: { namePattern: '^([a-z]+)+$' } }],
      "interchange.kafka.clusters[0].policy.namePattern: '^([a-z]+)+$' is refused: matching it may take exponential time",
    ],
    [
      [
        {
          id: 'a',
          brokers: ['k:1'],
          policy: { partitions: { min: 6, max: 3 } },
        },
      ],
      'interchange.kafka.clusters[0].policy.partitions: min 6 is greater than max 3',
    ],
    [
      [{ id: 'a b', brokers: ['k:1'] }],
      "interchange.kafka.clusters[0].id: 'a b' is not a valid id",
    ],
    [
      [
        { id: 'a', brokers: ['k:1'] },
        { id: 'a', brokers: ['k:1'] },
      ],
      "interchange.kafka.clusters[1].id: 'a' is configured twice",
    ],
    [
      [{ id: 'a', brokers: ['kafka.internal'] }],
      "interchange.kafka.clusters[0].brokers: list brokers as 'host:port'",
    ],
    [
      [{ id: 'a', brokers: ['k:1'], adapter: 'librdkafka' }],
      "interchange.kafka.clusters[0].adapter: 'librdkafka' is not supported",
    ],
    [
      [{ id: 'a', brokers: ['k:1'], sasl: { mechanism: 'gssapi' } }],
      "interchange.kafka.clusters[0].sasl.mechanism: 'gssapi' is not supported",
    ],
    [
      [{ id: 'a', brokers: ['k:1'], requestTimeoutMs: 0 }],
      'interchange.kafka.clusters[0].requestTimeoutMs: must be a positive number',
    ],
  ])('rejects bad config %#', (clusters, message) => {
    expect(() => readKafkaClusters(kafka(clusters))).toThrow(message);
  });
});
