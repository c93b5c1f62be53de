import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  commitOffsets,
  describeGroupWithKafkaTool,
  describeKafka,
  kafkaBrokers,
  seedTopic,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import { interchangePlugin } from '../plugin';

jest.setTimeout(120_000);

describeKafka('/api/interchange/kafka against a real broker', () => {
  const brokers = kafkaBrokers!;
  const topic = uniqueName('it-orders');
  const groupA = uniqueName('it-billing');
  const groupB = uniqueName('it-shipping');
  const entities = [
    {
      apiVersion: 'interchange.dev/v1alpha1',
      kind: 'KafkaTopic',
      metadata: { name: 'orders', namespace: 'default' },
      spec: {
        owner: 'team',
        cluster: 'local',
        topicName: topic,
        partitions: 4,
        replicationFactor: 1,
        config: { 'retention.ms': 3600000, 'cleanup.policy': 'delete' },
      },
    },
    {
      apiVersion: 'interchange.dev/v1alpha1',
      kind: 'KafkaTopic',
      metadata: { name: 'missing', namespace: 'default' },
      spec: {
        owner: 'team',
        cluster: 'local',
        topicName: uniqueName('it-missing'),
      },
    },
    {
      apiVersion: 'interchange.dev/v1alpha1',
      kind: 'KafkaTopic',
      metadata: { name: 'on-down-cluster', namespace: 'default' },
      spec: { owner: 'team', cluster: 'down' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'billing',
        namespace: 'default',
        annotations: {
          'interchange.dev/kafka-consumer-groups': `local/${groupA}`,
          'kafka.apache.org/consumer-groups': `local/${groupB},down/whatever`,
        },
      },
      spec: { type: 'service', owner: 'team', lifecycle: 'production' },
    },
  ];
  const config = {
    interchange: {
      kafka: {
        lagSampling: { enabled: false },
        clusters: [
          {
            id: 'local',
            brokers,
            policy: {
              namePattern: '^[a-z0-9.-]+$',
              nameDescription: 'lower case',
              partitions: { max: 12 },
            },
          },
          { id: 'down', brokers: ['127.0.0.1:1'], requestTimeoutMs: 2000 },
        ],
      },
    },
  };
  let server: any;
  let denyServer: any;
  const backends: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    await seedTopic(brokers, topic, [10, 4, 0], { 'retention.ms': '86400000' });
    await commitOffsets(brokers, groupA, topic, { 0: 7, 1: 4 });
    await commitOffsets(brokers, groupB, topic, { 0: 1 });
    const common = [
      interchangePlugin,
      eventsServiceFactory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: config }),
    ];
    const main = await startTestBackend({ features: common });
    const deny = await startTestBackend({
      features: [
        ...common,
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    backends.push(main, deny);
    server = main.server;
    denyServer = deny.server;
  });

  afterAll(async () => {
    await Promise.all(backends.map(b => b.stop()));
  });

  it('checks a new topic name against the rules and the broker', async () => {
    const url = '/api/interchange/kafka/clusters/local/topic-name-check';
    const taken = await request(server)
      .get(url)
      .query({ name: topic })
      .expect(200);
    expect(taken.body).toEqual({
      cluster: 'local',
      name: topic,
      problems: [],
      exists: true,
      rules: {
        namePattern: '^[a-z0-9.-]+$',
        nameDescription: 'lower case',
        partitions: { max: 12 },
      },
    });
    const free = await request(server)
      .get(url)
      .query({ name: `${topic}.free` })
      .expect(200);
    expect(free.body.exists).toBe(false);
    const bad = await request(server)
      .get(url)
      .query({ name: 'Orders' })
      .expect(200);
    expect(bad.body.problems).toEqual([
      {
        path: 'name',
        message:
          "'Orders' does not follow this cluster's naming rule lower case",
        fix: 'rename it to match ^[a-z0-9.-]+$',
      },
    ]);
    expect(bad.body.exists).toBeUndefined();
    await request(server).get(url).expect(400);
  });

  it('returns topic state and drift for a KafkaTopic entity', async () => {
    const res = await request(server)
      .get('/api/interchange/kafka/entities/default/kafkatopic/orders')
      .expect(200);
    expect(res.body.cluster).toEqual({
      id: 'local',
      title: 'local',
      adapter: 'platformatic',
    });
    expect(res.body.state).toMatchObject({
      exists: true,
      replicationFactor: 1,
      underReplicatedPartitions: 0,
      messageCount: 14,
    });
    expect(res.body.state.partitions).toEqual([
      {
        partition: 0,
        leader: 1,
        replicas: [1],
        isr: [1],
        underReplicated: false,
        earliestOffset: 0,
        latestOffset: 10,
        messages: 10,
      },
      {
        partition: 1,
        leader: 1,
        replicas: [1],
        isr: [1],
        underReplicated: false,
        earliestOffset: 0,
        latestOffset: 4,
        messages: 4,
      },
      {
        partition: 2,
        leader: 1,
        replicas: [1],
        isr: [1],
        underReplicated: false,
        earliestOffset: 0,
        latestOffset: 0,
        messages: 0,
      },
    ]);
    expect(res.body.drift).toEqual([
      expect.objectContaining({
        field: 'partitions',
        declared: '4',
        actual: '3',
      }),
      expect.objectContaining({
        field: 'config.retention.ms',
        declared: '3600000',
        actual: '86400000',
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain('127.0.0.1');
  });

  it('says when the topic does not exist', async () => {
    const res = await request(server)
      .get('/api/interchange/kafka/entities/default/kafkatopic/missing')
      .expect(200);
    expect(res.body.state.exists).toBe(false);
    expect(res.body.drift).toEqual([
      expect.objectContaining({ field: 'topic', actual: 'missing' }),
    ]);
  });

  it("returns a topic's consumer groups with exactly the lag kafka-consumer-groups reports", async () => {
    const res = await request(server)
      .get(
        '/api/interchange/kafka/entities/default/kafkatopic/orders/consumer-groups',
      )
      .expect(200);
    const groups = res.body.items.filter((g: any) =>
      [groupA, groupB].includes(g.groupId),
    );
    expect(groups.map((g: any) => [g.groupId, g.totalLag])).toEqual(
      [
        [groupA, 3],
        [groupB, 9],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    for (const group of [groupA, groupB]) {
      const ours = res.body.items.find((g: any) => g.groupId === group);
      const kafka = await describeGroupWithKafkaTool(brokers, group);
      expect(
        ours.partitions.map((p: any) => ({
          topic: p.topic,
          partition: p.partition,
          currentOffset: p.committedOffset,
          logEndOffset: p.logEndOffset,
          lag: p.lag,
        })),
      ).toEqual(kafka);
    }
  });

  it("returns a component's declared groups from both annotations, and a failing cluster's error next to them", async () => {
    const res = await request(server)
      .get(
        '/api/interchange/kafka/entities/default/component/billing/consumer-groups',
      )
      .expect(200);
    expect(
      res.body.items
        .map((g: any) => `${g.cluster}/${g.groupId}:${g.totalLag}`)
        .sort(),
    ).toEqual([`local/${groupA}:3`, `local/${groupB}:9`].sort());
    expect(res.body.errors).toEqual([
      {
        cluster: 'down',
        message: expect.stringMatching(
          /^Kafka cluster down unreachable since \S+Z while trying to read consumer group offsets: /,
        ),
        unreachableSince: expect.stringMatching(/^\d{4}-[\d-]+T[\d:.]+Z$/),
      },
    ]);
  });

  it('answers 503 with the cause when a cluster is unreachable, within its timeout', async () => {
    const started = Date.now();
    const res = await request(server)
      .get('/api/interchange/kafka/entities/default/kafkatopic/on-down-cluster')
      .expect(503);
    expect(res.body.error.message).toMatch(
      /^Kafka cluster down unreachable since \S+Z while trying to describe topic on-down-cluster: /,
    );
    expect(res.body.error.message).toContain(res.body.error.unreachableSince);
    expect(Date.now() - started).toBeLessThan(2000 + 5000);
  });

  it('answers 404 for unknown clusters and entities, and 403 without the permission', async () => {
    const res = await request(server)
      .get('/api/interchange/kafka/clusters/nope')
      .expect(404);
    expect(res.body.error.message).toBe(
      "Kafka cluster 'nope' is not configured; configured clusters: local, down",
    );
    await request(server)
      .get('/api/interchange/kafka/entities/default/kafkatopic/nope')
      .expect(404);
    const denied = await request(denyServer)
      .get('/api/interchange/kafka/clusters')
      .expect(403);
    expect(denied.body.error.message).toBe(
      'reading live Kafka state requires the interchange.kafka.read permission',
    );
  });

  it('lists clusters without connection details and describes one', async () => {
    const list = await request(server)
      .get('/api/interchange/kafka/clusters')
      .expect(200);
    expect(list.body.items).toEqual([
      { id: 'local', title: 'local', adapter: 'platformatic' },
      { id: 'down', title: 'down', adapter: 'platformatic' },
    ]);
    const overview = await request(server)
      .get('/api/interchange/kafka/clusters/local')
      .expect(200);
    expect(overview.body.brokers).toEqual([
      expect.objectContaining({ nodeId: 1 }),
    ]);
    expect(overview.body.topicCount).toBeGreaterThan(0);
  });

  it('requires authentication', async () => {
    await request(server)
      .get('/api/interchange/kafka/clusters')
      .set('Authorization', mockCredentials.none.header())
      .expect(401);
  });
});
