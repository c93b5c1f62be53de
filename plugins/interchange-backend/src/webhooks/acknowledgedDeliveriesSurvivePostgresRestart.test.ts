import http from 'node:http';
import { AddressInfo } from 'node:net';
import knexFactory from 'knex';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { signWebhook } from '@interchange/plugin-interchange-common';
import { interchangePlugin } from '../plugin';
import {
  PrivatePostgres,
  privatePostgresAvailable,
} from '../__testUtils__/privatePostgres';

/*
 * The receiver's promise under a database fault: a delivery answered 2xx is
 * in the database exactly once, whatever happens to PostgreSQL afterwards;
 * a delivery that arrives while PostgreSQL is down is answered 5xx, so the
 * sender retries, and is stored when the retry comes; the backend needs no
 * restart to recover. Against a PostgreSQL of this test's own, killed
 * (immediate shutdown, as a crash) in the middle of a burst.
 */

jest.setTimeout(180_000);

const SECRET = 'whsec_cmVzdGFydC10ZXN0LXNlY3JldC1mb3ItaW50ZXJjaGFuZ2U=';
const EVENTS = 400;
const SENDERS = 8;
const WEBHOOK_REF = 'webhook:default/orders-inbound';

const describeWithPostgres = privatePostgresAvailable()
  ? describe
  : describe.skip;

function post(
  port: number,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describeWithPostgres('inbound webhooks across a PostgreSQL restart', () => {
  let pg: PrivatePostgres;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    backend = await startTestBackend({
      features: [
        interchangePlugin,
        eventsServiceFactory,
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
                signing: { scheme: 'standard-webhooks', secretRef: 'partner' },
              },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            // The real database service (startTestBackend's default) on
            // the private server.
            backend: { database: { client: 'pg', connection: pg.url } },
            interchange: {
              kafka: { lagSampling: { enabled: false } },
              webhooks: { secrets: { partner: SECRET } },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await pg?.destroy();
  });

  it('keeps every acknowledged delivery exactly once; deliveries during the outage get a 5xx and are stored when retried', async () => {
    const { port } = backend.server.address() as AddressInfo;
    const path = '/api/interchange/webhooks/default/orders-inbound/receive';
    const timestamp = Math.floor(Date.now() / 1000);
    const deliveries = await Promise.all(
      Array.from({ length: EVENTS }, async (_, i) => {
        const id = `evt_restart_${i}`;
        const body = JSON.stringify({ type: 'order.shipped', data: { i } });
        return {
          id,
          body,
          headers: await signWebhook('standard-webhooks', SECRET, {
            id,
            timestamp,
            body,
          }),
        };
      }),
    );

    const acknowledged = new Map<string, number>();
    const statuses = new Map<string, number>();
    const count = (key: string) =>
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    let outage: Promise<void> | undefined;
    const outageAfterAcks = EVENTS / 4;
    let down = false;
    const answeredWhileDown: number[] = [];

    const startOutage = async () => {
      await pg.kill();
      down = true;
      // Long enough for many deliveries to meet the outage.
      await new Promise(r => setTimeout(r, 2_000));
      down = false;
      await pg.resume();
    };

    // Senders as a webhook platform behaves: each event is retried after
    // a 5xx or a broken connection until it is answered 2xx.
    let next = 0;
    const deadline = Date.now() + 120_000;
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < deliveries.length) {
          const d = deliveries[next++];
          for (;;) {
            if (Date.now() > deadline) {
              throw new Error(`${d.id} was never acknowledged`);
            }
            let status: number;
            try {
              status = await post(port, path, d.headers, d.body);
            } catch (e) {
              count(`network error`);
              await new Promise(r => setTimeout(r, 50));
              continue;
            }
            if (down) {
              answeredWhileDown.push(status);
            }
            if (status >= 200 && status < 300) {
              count(String(status));
              acknowledged.set(d.id, status);
              break;
            }
            count(String(status));
            // A 4xx would mean the receiver refused the delivery for good:
            // the sender would drop it, so it fails the test.
            expect(status).toBeGreaterThanOrEqual(500);
            await new Promise(r => setTimeout(r, 50));
          }
          if (!outage && acknowledged.size >= outageAfterAcks) {
            outage = startOutage();
          }
        }
      }),
    );
    await outage;

    // eslint-disable-next-line no-console
    console.info(
      `${EVENTS} events, answers: ${JSON.stringify(
        Object.fromEntries(statuses),
      )}; ${answeredWhileDown.length} answered while PostgreSQL was down`,
    );
    // Deliveries met the outage and were told to retry.
    const fivexx = [...statuses]
      .filter(([s]) => s.startsWith('5'))
      .reduce((n, [, c]) => n + c, 0);
    expect(fivexx).toBeGreaterThan(0);
    expect(answeredWhileDown.filter(s => s < 300)).toEqual([]);
    expect(acknowledged.size).toBe(EVENTS);

    // Every acknowledged event is in the database exactly once.
    const url = new URL(pg.url);
    url.pathname = '/backstage_plugin_interchange';
    const db = knexFactory({ client: 'pg', connection: url.toString() });
    try {
      const rows: Array<{ event_id: string; n: string | number }> = await db(
        'interchange_webhook_deliveries',
      )
        .where({ entity_ref: WEBHOOK_REF, direction: 'inbound' })
        .groupBy('event_id')
        .select('event_id')
        .count({ n: '*' });
      const stored = new Map(rows.map(r => [r.event_id, Number(r.n)]));
      expect(stored.size).toBe(EVENTS);
      expect([...stored.values()].every(n => n === 1)).toBe(true);
      expect(deliveries.every(d => stored.get(d.id) === 1)).toBe(true);
    } finally {
      await db.destroy();
    }

    // The same backend, never restarted, reads and writes again.
    const log = await request(backend.server)
      .get('/api/interchange/webhooks/default/orders-inbound/deliveries')
      .query({ limit: 500 })
      .set('Authorization', mockCredentials.user.header());
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(EVENTS);
    const again = deliveries[0];
    expect(await post(port, path, again.headers, again.body)).toBe(200);
  });
});
