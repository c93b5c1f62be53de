import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { signWebhook } from '@interchange/plugin-interchange-common';
import {
  commitOffsets,
  kafkaBrokers,
  seedTopic,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import { interchangePlugin } from './plugin';
import {
  PrivatePostgres,
  privatePostgresAvailable,
} from './__testUtils__/privatePostgres';

/*
 * Production portals run several backend replicas on one PostgreSQL. Two
 * real backends here, with Backstage's real scheduler, on one database of a
 * PostgreSQL of the test's own: scheduled work runs once per interval across
 * both, an inbound delivery retried to the other replica is deduplicated,
 * and the delivery log and lag history read the same from either.
 */

jest.setTimeout(180_000);

const SECRET = 'whsec_dHdvLXJlcGxpY2FzLW9uZS1wb3N0Z3Jlcy10ZXN0';
const CADENCE_S = 2;

type Line = { at: number; level: string; message: string };

/** A root logger that keeps every line, so the test can count task runs. */
function capturingRootLogger(lines: Line[]) {
  const make = (): RootLoggerService => {
    const log =
      (level: string) =>
      (message: string): void => {
        lines.push({ at: Date.now(), level, message });
      };
    const logger: LoggerService = {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: () => {},
      child: () => logger,
    };
    return logger as RootLoggerService;
  };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: make,
  });
}

/**
 * Runs of one scheduled task, by start time, must fit one runner: the
 * scheduler puts slot k+1 at least one cadence after slot k and a run
 * starts at most about one cadence after its slot, so n runs span at least
 * (n - 2) cadences. Two replicas each running the task would make about
 * twice as many.
 */
function expectOneRunnerPerInterval(starts: number[], cadenceMs: number) {
  const sorted = [...starts].sort((a, b) => a - b);
  const span = sorted[sorted.length - 1] - sorted[0];
  expect(sorted.length).toBeLessThanOrEqual(Math.floor(span / cadenceMs) + 2);
}

// Skipped without the test broker or PostgreSQL's binaries, unless the
// test command requires them (then the helpers throw instead).
const describeReplicas =
  privatePostgresAvailable() && kafkaBrokers ? describe : describe.skip;

describeReplicas('two backend replicas on one PostgreSQL', () => {
  let pg: PrivatePostgres;
  let db: Knex;
  const logs: Line[][] = [[], []];
  const backends: Array<Awaited<ReturnType<typeof startTestBackend>>> = [];
  const topic = uniqueName('replicas');
  const group = uniqueName('replicas-group');

  beforeAll(async () => {
    await seedTopic(kafkaBrokers!, topic, [10, 10]);
    await commitOffsets(kafkaBrokers!, group, topic, { 0: 4, 1: 7 });
    pg = await PrivatePostgres.start();
    const config = {
      backend: { database: { client: 'pg', connection: pg.url } },
      interchange: {
        kafka: {
          clusters: [{ id: 'shared', brokers: kafkaBrokers }],
          lagSampling: { frequency: { seconds: CADENCE_S } },
        },
        checksSchedule: {
          frequency: { seconds: CADENCE_S },
          initialDelay: { seconds: 1 },
        },
        webhooks: { secrets: { partner: SECRET } },
      },
    };
    for (const lines of logs) {
      backends.push(
        await startTestBackend({
          features: [
            interchangePlugin,
            eventsServiceFactory,
            // Backstage's own scheduler (the test default runs every task
            // locally): global tasks are claimed through the database.
            schedulerServiceFactory,
            capturingRootLogger(lines),
            catalogServiceMock.factory({
              entities: [
                {
                  apiVersion: 'interchange.dev/v1alpha1',
                  kind: 'Webhook',
                  metadata: { name: 'orders-inbound', namespace: 'default' },
                  spec: {
                    owner: 'group:default/team-a',
                    sender: 'component:default/partner',
                    receiver: 'component:default/orders',
                    events: ['order.shipped'],
                    signing: {
                      scheme: 'standard-webhooks',
                      secretRef: 'partner',
                    },
                  },
                },
              ],
            }),
            mockServices.rootConfig.factory({ data: config }),
          ],
        }),
      );
    }
    const url = new URL(pg.url);
    url.pathname = '/backstage_plugin_interchange';
    db = knexFactory({ client: 'pg', connection: url.toString() });
  });

  afterAll(async () => {
    await Promise.all(backends.map(b => b.stop()));
    await db?.destroy();
    await pg?.destroy();
  });

  it('runs lag sampling and the checks once per interval across both', async () => {
    const samplingStarts = async () =>
      (
        await db('interchange_kafka_lag_samples')
          .where({ cluster: 'shared', group_id: group })
          .distinct('sampled_at')
      ).map(r => new Date(r.sampled_at).getTime());
    const checkRuns = () =>
      logs.flatMap(lines =>
        lines
          .filter(l => l.message.startsWith('Integration checks:'))
          .map(l => l.at),
      );
    // About 20 s of both backends competing for the tasks.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const sampled = await samplingStarts();
      const checked = checkRuns();
      const spans = [sampled, checked].map(s =>
        s.length ? Math.max(...s) - Math.min(...s) : 0,
      );
      if (spans.every(s => s >= 20_000)) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `scheduled work did not run for 20 s: ${sampled.length} samplings, ${checked.length} checks runs`,
        );
      }
      await new Promise(r => setTimeout(r, 1000));
    }
    const sampled = await samplingStarts();
    const checked = checkRuns();
    expect(sampled.length).toBeGreaterThanOrEqual(5);
    expect(checked.length).toBeGreaterThanOrEqual(5);
    expectOneRunnerPerInterval(sampled, CADENCE_S * 1000);
    expectOneRunnerPerInterval(checked, CADENCE_S * 1000);
    // eslint-disable-next-line no-console
    console.info(
      `over ~20 s at a ${CADENCE_S} s cadence: ${
        sampled.length
      } lag samplings, ${checked.length} checks runs (replica A ran ${
        logs[0].filter(l => l.message.startsWith('Integration checks:')).length
      } of them, B ${
        logs[1].filter(l => l.message.startsWith('Integration checks:')).length
      })`,
    );
  });

  it('deduplicates a delivery retried to the other replica, also when both race', async () => {
    const path = '/api/interchange/webhooks/default/orders-inbound/receive';
    const signed = async (id: string) => {
      const body = JSON.stringify({ type: 'order.shipped', data: { id } });
      return {
        body,
        headers: await signWebhook('standard-webhooks', SECRET, {
          id,
          timestamp: Math.floor(Date.now() / 1000),
          body,
        }),
      };
    };
    const post = (i: number, d: { body: string; headers: any }) =>
      request(backends[i].server)
        .post(path)
        .set(d.headers)
        .set('content-type', 'application/json')
        .send(d.body);

    const retried = await signed('evt_replica_retry');
    expect((await post(0, retried)).status).toBe(202);
    const again = await post(1, retried);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('duplicate');

    const raced = await signed('evt_replica_race');
    const answers = await Promise.all(
      [0, 1, 0, 1, 0, 1].map(i => post(i, raced)),
    );
    expect(answers.map(a => a.status).sort()).toEqual([
      200, 200, 200, 200, 200, 202,
    ]);
    const [{ n }] = await db('interchange_webhook_deliveries')
      .whereIn('event_id', ['evt_replica_retry', 'evt_replica_race'])
      .count({ n: '*' });
    expect(Number(n)).toBe(2);
  });

  it('reads the same delivery log and lag history from both', async () => {
    const user = mockCredentials.user.header();
    const read = (i: number, url: string) =>
      request(backends[i].server).get(url).set('Authorization', user);

    const deliveries =
      '/api/interchange/webhooks/default/orders-inbound/deliveries';
    const [a, b] = await Promise.all([
      read(0, deliveries),
      read(1, deliveries),
    ]);
    expect(a.status).toBe(200);
    expect(a.body.items.length).toBeGreaterThanOrEqual(2);
    expect(b.body).toEqual(a.body);

    const trend = `/api/interchange/kafka/clusters/shared/consumer-groups/${group}/trend?hours=1`;
    const [ta, tb] = await Promise.all([read(0, trend), read(1, trend)]);
    expect(ta.status).toBe(200);
    expect(ta.body.items.length).toBeGreaterThan(0);
    // Lag: (10 - 4) + (10 - 7) on every sample.
    expect(ta.body.items.every((p: any) => p.totalLag === 9)).toBe(true);
    expect(tb.body).toEqual(ta.body);
  });
});
