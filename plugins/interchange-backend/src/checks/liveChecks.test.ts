import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import {
  describeKafka,
  kafkaBrokers,
  produceMessageAt,
  seedTopic,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import { interchangePlugin } from '../plugin';

jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;

function topicEntity(name: string, cluster: string, spec: object = {}) {
  return {
    apiVersion: 'interchange.dev/v1alpha1',
    kind: 'KafkaTopic',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'team', cluster, ...spec },
  };
}

async function startBackend(entities: object[], clusters: object[]) {
  return startTestBackend({
    features: [
      interchangePlugin,
      eventsServiceFactory,
      catalogServiceMock.factory({ entities: entities as any }),
      // Runs the checks task once at start-up (it has an initial delay).
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.rootConfig.factory({
        data: {
          interchange: {
            kafka: { lagSampling: { enabled: false }, clusters },
            notifications: { enabled: false },
          },
        },
      }),
    ],
  });
}

/** GET /checks once the scheduled run has stored its result. */
async function checksOf(server: any) {
  for (let i = 0; i < 150; i++) {
    const res = await request(server)
      .get('/api/interchange/checks')
      .set('Authorization', mockCredentials.user.header());
    if (res.body.computedAt) {
      return res.body;
    }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('the checks task did not run');
}

describeKafka('scheduled checks with live data from a real broker', () => {
  const brokers = kafkaBrokers!;
  const drifted = uniqueName('it-checks-drifted');
  const idle = uniqueName('it-checks-idle');
  const busy = uniqueName('it-checks-busy');
  const lastIdleMessage = Date.now() - 45 * DAY;

  beforeAll(async () => {
    await seedTopic(brokers, drifted, [1]);
    // Records older than the default retention would be deleted: keep them.
    await seedTopic(brokers, idle, [0], { 'retention.ms': '-1' });
    await produceMessageAt(brokers, idle, lastIdleMessage);
    await seedTopic(brokers, busy, [2]);
  });

  it('reports a drifted and an idle topic as findings through GET /checks', async () => {
    const backend = await startBackend(
      [
        topicEntity('drifted', 'local', {
          topicName: drifted,
          partitions: 3,
        }),
        topicEntity('idle', 'local', { topicName: idle, partitions: 1 }),
        topicEntity('busy', 'local', { topicName: busy, partitions: 1 }),
      ],
      [{ id: 'local', brokers }],
    );
    try {
      const body = await checksOf(backend.server);
      const byRule = (rule: string) =>
        body.items.filter((f: any) => f.rule === rule);
      expect(byRule('drift/kafka-topic')).toEqual([
        expect.objectContaining({
          entityRef: 'kafkatopic:default/drifted',
          severity: 'warning',
          message: expect.stringContaining('partitions'),
          details: {
            drift: [expect.objectContaining({ field: 'partitions' })],
          },
        }),
      ]);
      const idleFindings = byRule('overengineering/idle-integration');
      expect(idleFindings.map((f: any) => f.entityRef)).toEqual([
        'kafkatopic:default/idle',
      ]);
      expect(idleFindings[0].details).toEqual({
        days: 30,
        last: new Date(lastIdleMessage).toISOString(),
      });
      const skipped = body.skippedRules.map((s: any) => s.rule);
      expect(skipped).not.toContain('drift/kafka-topic');
      expect(skipped).not.toContain('overengineering/idle-integration');
      // No route in this catalog: that rule says so.
      expect(body.skippedRules).toContainEqual({
        rule: 'drift/gateway-route',
        reason: 'needs live data (the gateways): no gateway routes in the catalog',
      });
    } finally {
      await backend.stop();
    }
  });

  it('says the cluster was unreachable when no live data could be read', async () => {
    const backend = await startBackend(
      [topicEntity('elsewhere', 'down', { topicName: idle })],
      [{ id: 'down', brokers: ['127.0.0.1:1'], requestTimeoutMs: 2000 }],
    );
    try {
      const body = await checksOf(backend.server);
      const reasons = Object.fromEntries(
        body.skippedRules.map((s: any) => [s.rule, s.reason]),
      );
      expect(reasons['drift/kafka-topic']).toMatch(
        /^needs live data \(the brokers\): Kafka cluster down not read: /,
      );
      expect(reasons['overengineering/idle-integration']).toMatch(
        /Kafka cluster down not read: /,
      );
    } finally {
      await backend.stop();
    }
  });
});
