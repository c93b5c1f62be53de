import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  createKafkaAdminClient,
  KafkaAdapterName,
  KafkaClusterConfig,
  KafkaClusters,
} from '@interchange/plugin-interchange-node';
import {
  describeKafka,
  kafkaBrokers,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import { Kafka, logLevel } from 'kafkajs';
import { createKafkaCreateTopicAction } from './kafkaCreateTopic';

const policy = {
  namePattern: '^[a-z]+\\.[a-z0-9-]+\\.v[0-9]+$',
  nameDescription: '<domain>.<event>.v<version>',
  partitions: { min: 1, max: 12, default: 3 },
  replicationFactor: { min: 1, max: 1, default: 1 },
  requiredConfigs: ['retention.ms'],
};

const cluster = (
  brokers: string[],
  adapter: KafkaAdapterName = 'platformatic',
): KafkaClusterConfig => ({
  id: 'local',
  title: 'local',
  brokers,
  clientId: 'interchange-tests',
  adapter,
  requestTimeoutMs: 5000,
  policy,
});

function context(input: Record<string, unknown>, isDryRun = false) {
  // createMockActionContext does not pass isDryRun through.
  return { ...createMockActionContext({ input: input as any }), isDryRun };
}

describe('interchange:kafka:create-topic without a broker', () => {
  // Nothing listens on port 9; a broker call would fail with a connection
  // error, so a rule error proves the broker was never asked.
  const clusters = new KafkaClusters([cluster(['127.0.0.1:9'])], {
    createClient: c => createKafkaAdminClient(c, 'kafkajs'),
  });
  afterAll(() => clusters.close());
  const action = createKafkaCreateTopicAction({ clusters });

  it('rejects an invalid name before any broker call', async () => {
    const ctx = context({
      cluster: 'local',
      name: 'Orders_Placed',
      config: { 'retention.ms': 1000 },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      "Topic Orders_Placed breaks the rules of cluster local:\nname: 'Orders_Placed' does not follow this cluster's naming rule <domain>.<event>.v<version>. Fix: rename it to match ^[a-z]+\\.[a-z0-9-]+\\.v[0-9]+$",
    );
  });

  it('lists every broken rule at once', async () => {
    const ctx = context({
      cluster: 'local',
      name: 'orders.x.v1',
      partitions: 40,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /partitions: is 40; this cluster's policy allows between 1 and 12[\s\S]*config.retention.ms: is required on this cluster/,
    );
  });

  it('names the configured clusters for an unknown one', async () => {
    await expect(
      action.handler(context({ cluster: 'prod', name: 'a.b.v1' })),
    ).rejects.toThrow(
      "Kafka cluster 'prod' is not configured; configured clusters: local",
    );
  });
});

// The cluster's configured adapter rules: the same suite for each.
describeKafka.each<KafkaAdapterName>(['platformatic', 'kafkajs'])(
  'interchange:kafka:create-topic against a real broker (%s adapter)',
  adapter => {
    const brokers = kafkaBrokers!;
    const clusters = new KafkaClusters([cluster(brokers, adapter)], {
      createClient: c => createKafkaAdminClient(c),
    });
    const kafka = new Kafka({
      clientId: 'interchange-tests',
      brokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    const action = createKafkaCreateTopicAction({ clusters });
    const name = `tests.${uniqueName('created').toLowerCase()}.v1`.replace(
      /_/g,
      '-',
    );

    beforeAll(() => admin.connect());
    afterAll(async () => {
      await admin.disconnect();
      await clusters.close();
    });

    const topicOnBroker = async (topic: string) => {
      const topics = await admin.listTopics();
      if (!topics.includes(topic)) {
        return undefined;
      }
      const { topics: meta } = await admin.fetchTopicMetadata({
        topics: [topic],
      });
      const [configs] = (
        await admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: 2, name: topic, configNames: ['retention.ms'] }],
        })
      ).resources;
      return {
        partitions: meta[0].partitions.length,
        retention: configs.configEntries[0]?.configValue,
      };
    };

    it('creates nothing in a dry run, after the broker validated the request', async () => {
      const ctx = context(
        {
          cluster: 'local',
          name,
          partitions: 4,
          config: { 'retention.ms': 3600000 },
        },
        true,
      );
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('created', false);
      expect(await topicOnBroker(name)).toBeUndefined();
    });

    it("surfaces the broker's own validation in a dry run", async () => {
      const ctx = context(
        {
          cluster: 'local',
          name: 'tests.invalid-compaction.v1',
          replicationFactor: 1,
          config: {
            'retention.ms': 3600000,
            'min.compaction.lag.ms': 5,
            'max.compaction.lag.ms': 1,
          },
        },
        true,
      );
      await expect(action.handler(ctx)).rejects.toThrow(
        'The broker of cluster local rejected topic tests.invalid-compaction.v1 (validate-only, nothing was created): Configuration is invalid (INVALID_CONFIG)',
      );
      expect(
        await topicOnBroker('tests.invalid-compaction.v1'),
      ).toBeUndefined();
    });

    it('creates the topic with the requested settings', async () => {
      const ctx = context({
        cluster: 'local',
        name,
        partitions: 4,
        config: { 'retention.ms': 3600000 },
      });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('topicName', name);
      expect(ctx.output).toHaveBeenCalledWith('partitions', 4);
      expect(ctx.output).toHaveBeenCalledWith('created', true);
      expect(await topicOnBroker(name)).toEqual({
        partitions: 4,
        retention: '3600000',
      });
    });

    it('succeeds without change when re-run with the same settings', async () => {
      const ctx = context({
        cluster: 'local',
        name,
        partitions: 4,
        config: { 'retention.ms': '3600000' },
      });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('created', false);
    });

    it('fails with the differences, and leaves the topic as it was, when settings differ', async () => {
      const ctx = context({
        cluster: 'local',
        name,
        partitions: 6,
        config: { 'retention.ms': 7200000 },
      });
      await expect(action.handler(ctx)).rejects.toThrow(
        `Topic ${name} already exists on local with other settings (partitions: requested 6, on the broker 4; config.retention.ms: requested 7200000, on the broker 3600000). Interchange never alters an existing topic`,
      );
      expect(await topicOnBroker(name)).toEqual({
        partitions: 4,
        retention: '3600000',
      });
    });
  },
);
