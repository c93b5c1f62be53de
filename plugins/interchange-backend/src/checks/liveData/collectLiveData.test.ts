import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { buildIntegrationGraph } from '@interchange/plugin-interchange-common';
import {
  KafkaClusters,
  readKafkaClusters,
} from '@interchange/plugin-interchange-node';
import {
  kafkaBrokers,
  produceMessageAt,
  seedTopic,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import { createTestDatabases } from '../../__testUtils__/createTestDatabases';
import { DatabaseActivityWatchStore } from '../../database/DatabaseActivityWatchStore';
import { DatabaseDeliveryStore } from '../../database/DatabaseDeliveryStore';
import { migrationsDir } from '../../database/migrations';
import { collectLiveData } from './collectLiveData';

jest.setTimeout(120_000);
const databases = createTestDatabases();
const DAY = 24 * 3600 * 1000;

function clustersOf(clusters: object[]) {
  return new KafkaClusters(
    readKafkaClusters(
      new ConfigReader({ interchange: { kafka: { clusters } } }),
    ),
  );
}

const topic = (name: string, cluster: string, topicName?: string) => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'KafkaTopic',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'team', cluster, topicName, partitions: 1 },
});

const webhook = (name: string) => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'Webhook',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'team', type: 'inbound', events: ['order.shipped'] },
});

/** kafkajs cannot ask for the newest record time, and says so. */
function expectedTimes(adapter: string, times: object) {
  return adapter === 'kafkajs'
    ? {
        topicLastMessageAt: undefined,
        quietSince: {},
        unavailable: expect.objectContaining({
          topicLastMessageAt: [
            "Kafka cluster local: the kafkajs adapter cannot tell when a topic last received a message; set its adapter to 'platformatic'",
          ],
        }),
      }
    : times;
}

async function stores() {
  const knex = await databases.init('SQLITE_3');
  await knex.migrate.latest({
    directory: migrationsDir,
    tableName: 'interchange_knex_migrations',
  });
  return {
    deliveries: new DatabaseDeliveryStore(knex),
    watch: new DatabaseActivityWatchStore(knex),
  };
}

describe('collectLiveData', () => {
  it('webhooks: the last retained delivery, or quiet since watched with none', async () => {
    const { deliveries, watch } = await stores();
    const clusters = clustersOf([]);
    const graph = buildIntegrationGraph([
      webhook('active'),
      webhook('silent'),
    ] as any);
    const at = Date.parse('2026-11-20T08:00:00.000Z');
    await deliveries.addInbound({
      entityRef: 'webhook:default/active',
      direction: 'inbound',
      eventId: 'evt_1',
      eventType: 'order.shipped',
      attemptedAt: at,
      durationMs: 2,
      statusCode: 202,
      outcome: 'received',
    });
    const first = new Date('2026-11-21T00:00:00.000Z');
    const sources = {
      clusters,
      deliveries,
      watch,
      logger: mockServices.logger.mock(),
    };
    const data = await collectLiveData(graph, sources, first);
    expect(data.webhookLastDeliveryAt).toEqual({
      'webhook:default/active': new Date(at).toISOString(),
      'webhook:default/silent': null,
    });
    expect(data.quietSince).toEqual({
      'webhook:default/silent': first.toISOString(),
    });
    // A later run keeps the time the quiet began.
    const later = await collectLiveData(
      graph,
      sources,
      new Date(first.getTime() + 40 * DAY),
    );
    expect(later.quietSince).toEqual({
      'webhook:default/silent': first.toISOString(),
    });
    // No topics, no routes: those rules are told why.
    expect(data.topicDrift).toBeUndefined();
    expect(data.routeDrift).toBeUndefined();
    expect(data.unavailable?.routeDrift).toEqual([
      'no gateway routes in the catalog',
    ]);
  });

  it('topics on a cluster that is not configured are not judged, and say so', async () => {
    const { deliveries, watch } = await stores();
    const data = await collectLiveData(
      buildIntegrationGraph([topic('t', 'nowhere')] as any),
      {
        clusters: clustersOf([]),
        deliveries,
        watch,
        logger: mockServices.logger.mock(),
      },
      new Date(),
    );
    expect(data.topicDrift).toBeUndefined();
    expect(data.topicLastMessageAt).toBeUndefined();
    expect(data.unavailable?.topicDrift).toEqual([
      'topics of cluster(s) nowhere not judged: not configured under interchange.kafka.clusters',
    ]);
  });

  it('topics on an unreachable cluster are not judged, and keep their watch', async () => {
    const { deliveries, watch } = await stores();
    const clusters = clustersOf([
      { id: 'down', brokers: ['127.0.0.1:1'], requestTimeoutMs: 1500 },
    ]);
    try {
      const since = new Date('2026-11-01T00:00:00.000Z');
      await watch.observe(
        new Map([['kafkatopic:default/t', 'end-offsets:0']]),
        since,
      );
      const data = await collectLiveData(
        buildIntegrationGraph([topic('t', 'down')] as any),
        { clusters, deliveries, watch, logger: mockServices.logger.mock() },
        new Date(),
      );
      expect(data.topicDrift).toBeUndefined();
      expect(data.unavailable?.topicDrift).toEqual([
        expect.stringMatching(/^Kafka cluster down not read: /),
      ]);
      expect(
        await watch.observe(
          new Map([['kafkatopic:default/t', 'end-offsets:0']]),
          new Date(),
        ),
      ).toEqual(new Map([['kafkatopic:default/t', since]]));
    } finally {
      await clusters.close();
    }
  });

  (kafkaBrokers ? describe : describe.skip)('against a real broker', () => {
    const brokers = kafkaBrokers!;
    const idle = uniqueName('it-live-idle');
    const empty = uniqueName('it-live-empty');
    const old = Date.now() - 50 * DAY;

    beforeAll(async () => {
      await seedTopic(brokers, idle, [0], { 'retention.ms': '-1' });
      await produceMessageAt(brokers, idle, old);
      await seedTopic(brokers, empty, [0, 0]);
    });

    it.each(['platformatic', 'kafkajs'])(
      'reads drift, newest message times and end offsets (%s)',
      async adapter => {
        const { deliveries, watch } = await stores();
        const clusters = clustersOf([{ id: 'local', brokers, adapter }]);
        try {
          const now = new Date();
          const data = await collectLiveData(
            buildIntegrationGraph([
              topic('idle', 'local', idle),
              topic('empty', 'local', empty),
              topic('missing', 'local', uniqueName('it-live-missing')),
            ] as any),
            { clusters, deliveries, watch, logger: mockServices.logger.mock() },
            now,
          );
          expect(data.topicDrift).toEqual({
            'kafkatopic:default/idle': [],
            'kafkatopic:default/empty': [
              expect.objectContaining({
                field: 'partitions',
                declared: '1',
                actual: '2',
              }),
            ],
            'kafkatopic:default/missing': [
              expect.objectContaining({ field: 'topic', actual: 'missing' }),
            ],
          });
          // A missing topic is drift, not idleness: not judged.
          const times = expectedTimes(adapter, {
            topicLastMessageAt: {
              'kafkatopic:default/idle': new Date(old).toISOString(),
              'kafkatopic:default/empty': null,
            },
            quietSince: { 'kafkatopic:default/empty': now.toISOString() },
          });
          expect(data).toMatchObject(times);
        } finally {
          await clusters.close();
        }
      },
    );
  });
});
