import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  describeKafka,
  kafkaBrokers,
  seedTopic,
  uniqueName,
} from '../testUtils/kafka';
import type { KafkaClusterConfig } from '../config/readKafkaClusters';
import { createKafkaAdminClient, KafkaClusters } from './KafkaClusters';
import { KafkaAdapterName } from './types';

jest.setTimeout(60_000);

const cluster = (
  brokers: string[],
  adapter: KafkaAdapterName,
): KafkaClusterConfig => ({
  id: 'local',
  title: 'local',
  brokers,
  clientId: 'interchange-tests',
  adapter,
  requestTimeoutMs: 5000,
  policy: {},
});

describeKafka('KafkaClusters keeps the meaning of broker refusals', () => {
  const brokers = kafkaBrokers!;
  const existing = uniqueName('it-refusal');

  beforeAll(() => seedTopic(brokers, existing, [0]));

  describe.each<KafkaAdapterName>(['platformatic', 'kafkajs'])(
    '%s',
    adapter => {
      let created = 0;
      const clusters = new KafkaClusters([cluster(brokers, adapter)], {
        createClient: (config, name) => {
          created += 1;
          return createKafkaAdminClient(config, name);
        },
      });
      afterAll(() => clusters.close());

      const create = (topic: string, configs: Record<string, string> = {}) =>
        clusters
          .run('local', `create topic ${topic}`, a =>
            a.createTopics(
              [{ topic, partitions: 1, replicationFactor: 1, configs }],
              { validateOnly: false },
            ),
          )
          .catch(e => e);

      it('topic already exists: ConflictError naming the cluster', async () => {
        const error = await create(existing);
        expect(error).toBeInstanceOf(ConflictError);
        expect(error.message).toMatch(
          new RegExp(
            `^Kafka cluster local refused to create topic ${existing}: .*TOPIC_ALREADY_EXISTS`,
          ),
        );
      });

      it('invalid config: InputError with the broker error', async () => {
        const error = await create(uniqueName('it-invalid'), {
          'cleanup.policy': 'not-a-policy',
        });
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toMatch(/INVALID_CONFIG/);
      });

      it('invalid replication factor: InputError', async () => {
        const error = await clusters
          .run('local', 'create topic', a =>
            a.createTopics(
              [
                {
                  topic: uniqueName('it-rf'),
                  partitions: 1,
                  replicationFactor: 5,
                  configs: {},
                },
              ],
              { validateOnly: false },
            ),
          )
          .catch(e => e);
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toMatch(/INVALID_REPLICATION_FACTOR/);
      });

      it('unknown topic: NotFoundError', async () => {
        const error = await clusters
          .run('local', 'describe topic configs', a =>
            a.describeTopicConfigs([uniqueName('it-missing')]),
          )
          .catch(e => e);
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error.message).toMatch(/UNKNOWN_TOPIC_OR_PARTITION/);
      });

      const validate = (
        topic: string,
        configs: Record<string, string> = {},
        partitions = 1,
      ) =>
        clusters.run('local', `validate topic ${topic}`, a =>
          a.createTopics(
            [{ topic, partitions, replicationFactor: 1, configs }],
            { validateOnly: true },
          ),
        );

      it('validate-only create: the broker checks the request and creates nothing', async () => {
        const name = uniqueName('it-validate-only');
        await expect(
          validate(name, { 'retention.ms': '3600000' }, 3),
        ).resolves.toBeUndefined();
        expect(
          await clusters.run('local', 'list topics', a => a.listTopics()),
        ).not.toContain(name);
      });

      it('validate-only create: refusals keep their meaning', async () => {
        const exists = await validate(existing).catch(e => e);
        expect(exists).toBeInstanceOf(ConflictError);
        expect(exists.message).toMatch(/TOPIC_ALREADY_EXISTS/);
        const badConfig = await validate(uniqueName('it-validate-bad'), {
          'cleanup.policy': 'archive',
        }).catch(e => e);
        expect(badConfig).toBeInstanceOf(InputError);
        expect(badConfig.message).toContain('Kafka cluster local refused to');
        const tooMany = await validate(
          uniqueName('it-validate-rf'),
          {},
          0,
        ).catch(e => e);
        expect(tooMany).toBeInstanceOf(InputError);
      });

      it('a refusal keeps the connection: the next call uses the same client', async () => {
        await create(existing);
        expect(
          await clusters.run('local', 'list topics', a => a.listTopics()),
        ).toContain(existing);
        // Every refusal above was answered on the first client.
        expect(created).toBe(1);
      });
    },
  );
});

describe('KafkaClusters without a broker', () => {
  it('a connection failure stays a ServiceUnavailableError', async () => {
    const clusters = new KafkaClusters([cluster(['127.0.0.1:9'], 'kafkajs')]);
    try {
      await expect(
        clusters.run('local', 'create topic', a =>
          a.createTopics([], { validateOnly: true }),
        ),
      ).rejects.toBeInstanceOf(ServiceUnavailableError);
    } finally {
      await clusters.close();
    }
  });

  it("the caller's own Backstage errors pass through unchanged", async () => {
    const clusters = new KafkaClusters([cluster(['127.0.0.1:9'], 'kafkajs')]);
    const own = new InputError('bad request');
    await expect(
      clusters.run('local', 'check', async () => {
        throw own;
      }),
    ).rejects.toBe(own);
    await clusters.close();
  });
});
