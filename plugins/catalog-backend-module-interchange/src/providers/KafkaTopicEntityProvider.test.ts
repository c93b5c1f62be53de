import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KafkaClusters } from '@interchange/plugin-interchange-node';
import {
  describeKafka,
  kafkaBrokers,
  seedTopic,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import { InterchangeEntitiesProcessor } from '../processor/InterchangeEntitiesProcessor';
import { entityNameForTopic } from './kafkaTopicEntity';
import { testKafkaTopicProvider } from '../__testUtils__/liveSourceProviders';

jest.setTimeout(120_000);

describe('entityNameForTopic', () => {
  it('keeps valid names and shortens the rest without collisions', () => {
    expect(entityNameForTopic('orders.order-events.v1')).toBe(
      'orders.order-events.v1',
    );
    const a = entityNameForTopic(`${'x'.repeat(80)}-a`);
    const b = entityNameForTopic(`${'x'.repeat(80)}-b`);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(entityNameForTopic('weird topic/name')).toMatch(
      /^weird-topic-name-[a-z0-9]+$/,
    );
  });
});

describeKafka('KafkaTopicEntityProvider against a real broker', () => {
  const brokers = kafkaBrokers!;
  const prefix = uniqueName('itp');
  const [declaredTopic, topicB, topicC] = ['declared', 'b', 'c'].map(
    s => `${prefix}.${s}`,
  );

  function setup(
    port: number,
    catalogEntities = [
      {
        apiVersion: 'interchange.dev/v1alpha1',
        kind: 'KafkaTopic',
        metadata: { name: 'declared-by-a-team' },
        spec: { owner: 'team-a', cluster: 'local', topicName: declaredTopic },
      },
    ],
  ) {
    const clusters = new KafkaClusters([
      {
        id: 'local',
        title: 'local',
        brokers: [`127.0.0.1:${port}`],
        clientId: 'interchange-tests',
        adapter: 'platformatic',
        requestTimeoutMs: 3000,
        policy: {},
      },
    ]);
    const { provider, connection, mutations, logger } = testKafkaTopicProvider({
      clusters,
      prefix,
      catalogEntities,
    });
    return { provider, connection, mutations, clusters, logger };
  }

  // Outages (broker stopped before and in the middle of a run) are proven in
  // KafkaTopicEntityProvider.faults.test.ts, against a private broker.
  it('adds the topics no file declares, valid for the catalog', async () => {
    for (const t of [declaredTopic, topicB, topicC]) {
      await seedTopic(brokers, t, [1, 1]);
    }
    const { provider, connection, mutations, clusters } = setup(
      Number(brokers[0].split(':')[1]),
    );
    await provider.connect(connection);

    expect(await provider.refresh()).toEqual({ applied: true, entities: 2 });
    const entities = mutations[0].map(d => d.entity);
    expect(entities.map(e => (e.spec as any).topicName).sort()).toEqual([
      topicB,
      topicC,
    ]);
    expect(entities[0]).toMatchObject({
      apiVersion: 'interchange.dev/v1alpha1',
      kind: 'KafkaTopic',
      metadata: {
        tags: ['discovered'],
        annotations: {
          'interchange.dev/discovered': 'true',
          'backstage.io/managed-by-location': 'interchange-kafka:local',
          'backstage.io/managed-by-origin-location': 'interchange-kafka:local',
        },
      },
      spec: {
        owner: 'group:team-platform',
        cluster: 'local',
        partitions: 2,
        replicationFactor: 1,
      },
    });
    // The catalog accepts what the provider produces.
    const processor = new InterchangeEntitiesProcessor({
      knownClusters: ['local'],
    });
    for (const e of entities) {
      await expect(processor.validateEntityKind(e)).resolves.toBe(true);
    }
    expect(
      mutations[0].every(d => d.locationKey === 'interchange-kafka:local'),
    ).toBe(true);

    await clusters.close();
  });

  it('applies nothing when the catalog cannot be read', async () => {
    const { connection, mutations, clusters } = setup(
      Number(brokers[0].split(':')[1]),
    );
    // Another provider on the same connection, whose catalog cannot be read.
    const { provider: broken } = testKafkaTopicProvider({
      clusters,
      prefix,
      catalog: {
        ...catalogServiceMock(),
        getEntities: async () => {
          throw new Error('catalog unavailable');
        },
      } as any,
    });
    await broken.connect(connection);
    expect(await broken.refresh()).toEqual({
      applied: false,
      entities: 0,
      reason: 'catalog unavailable',
    });
    expect(mutations).toHaveLength(0);
    await clusters.close();
  });
});
