import http from 'node:http';
import net, { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EventParams,
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  signWebhook,
  verifyWebhook,
} from '@interchange/plugin-interchange-common';
import { interchangePlugin } from '../plugin';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { WEBHOOK_RECEIVED_TOPIC } from './createWebhooksRouter';

jest.setTimeout(60_000);

const SECRET = 'whsec_dGVzdC1zZWNyZXQtZm9yLWludGVyY2hhbmdlLXRlc3Rz';
const GITHUB_SECRET = 'github-test-secret';

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

type Received = { headers: http.IncomingHttpHeaders; body: string };

describe('webhooks API', () => {
  const received: Received[] = [];
  let connections = 0;
  let receiverPort: number;
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', c => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  receiver.on('connection', () => {
    connections += 1;
  });

  const published: EventParams[] = [];
  const backends: { stop(): Promise<void> }[] = [];
  let server: any;
  let noAllowlistServer: any;
  let denyServer: any;
  let startBackend: (extra: any[], allow: string[]) => Promise<any>;
  const databases = createTestDatabases();

  const webhook = (name: string, spec: Record<string, unknown>) => ({
    apiVersion: 'interchange.dev/v1alpha1',
    kind: 'Webhook',
    metadata: { name, namespace: 'default' },
    spec: {
      owner: 'group:default/team-a',
      sender: 'component:default/a',
      events: ['order.shipped'],
      ...spec,
    },
  });

  beforeAll(async () => {
    receiverPort = await listen(receiver);
    const entities = [
      webhook('partner', {
        url: `http://127.0.0.1:${receiverPort}/hooks`,
        signing: { scheme: 'standard-webhooks', secretRef: 'partner' },
        schema: 'api:default/order-events',
      }),
      webhook('inbound', {
        receiver: 'component:default/b',
        signing: { scheme: 'standard-webhooks', secretRef: 'partner' },
      }),
      webhook('inbound-github', {
        receiver: 'component:default/b',
        signing: { scheme: 'github', secretRef: 'github' },
      }),
      webhook('inbound-unsigned', {
        receiver: 'component:default/b',
        signing: { scheme: 'none' },
      }),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: 'order-events', namespace: 'default' },
        spec: {
          type: 'asyncapi',
          owner: 'team-a',
          lifecycle: 'production',
          definition: JSON.stringify({
            asyncapi: '2.6.0',
            components: {
              messages: {
                'order.shipped': {
                  payload: {
                    type: 'object',
                    properties: {
                      orderId: { type: 'string', example: 'o-42' },
                    },
                  },
                },
              },
            },
          }),
        },
      },
    ];
    const config = (allow: string[]) => ({
      interchange: {
        kafka: { lagSampling: { enabled: false } },
        webhooks: {
          secrets: { partner: SECRET, github: GITHUB_SECRET },
          outbound: { allow, timeout: { seconds: 2 } },
          inbound: { maxBodyBytes: 2048 },
        },
      },
    });
    const capture = createBackendModule({
      pluginId: 'interchange',
      moduleId: 'test-capture',
      register(reg) {
        reg.registerInit({
          deps: { events: eventsServiceRef },
          async init({ events }) {
            await events.subscribe({
              id: 'test',
              topics: [WEBHOOK_RECEIVED_TOPIC],
              onEvent: async e => {
                published.push(e);
              },
            });
          },
        });
      },
    });
    const start = async (extra: any[], allow: string[]) => {
      const backend = await startTestBackend({
        features: [
          interchangePlugin,
          eventsServiceFactory,
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({ data: config(allow) }),
          ...extra,
        ],
      });
      backends.push(backend);
      return backend.server;
    };
    startBackend = async (extra, allow) => start([capture, ...extra], allow);
    server = await start([capture], ['127.0.0.1/32']);
    noAllowlistServer = await start([], []);
    denyServer = await start(
      [mockServices.permissions.factory({ result: AuthorizeResult.DENY })],
      ['127.0.0.1/32'],
    );
  });

  afterAll(async () => {
    await Promise.all(backends.map(b => b.stop()));
    receiver.close();
  });

  const user = mockCredentials.user.header();

  it('sends a signed test event built from the schema, and logs it', async () => {
    const res = await request(server)
      .post('/api/interchange/webhooks/default/partner/test')
      .set('Authorization', user)
      .send({})
      .expect(200);
    expect(received).toHaveLength(1);
    const got = received[0];
    expect(JSON.parse(got.body)).toMatchObject({
      type: 'order.shipped',
      data: { orderId: 'o-42' },
    });
    await expect(
      verifyWebhook('standard-webhooks', SECRET, {
        headers: got.headers as any,
        body: got.body,
      }),
    ).resolves.toMatchObject({ valid: true, id: got.headers['webhook-id'] });
    expect(res.body.delivery).toMatchObject({
      outcome: 'delivered',
      statusCode: 200,
      eventType: 'order.shipped',
      eventId: got.headers['webhook-id'],
      response: '{"ok":true}',
    });
    expect(res.body.signature).toEqual({
      scheme: 'standard-webhooks',
      secretRef: 'partner',
      secret: `whsec_…${SECRET.slice(-4)}`,
      headers: {
        'webhook-id': got.headers['webhook-id'],
        'webhook-timestamp': got.headers['webhook-timestamp'],
        'webhook-signature': got.headers['webhook-signature'],
      },
    });
    const log = await request(server)
      .get('/api/interchange/webhooks/default/partner/deliveries')
      .set('Authorization', user)
      .expect(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.health).toMatchObject({
      status: 'healthy',
      attempts: 1,
      successRate: 1,
    });
    for (const body of [res.text, log.text]) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(SECRET.slice(6));
    }
  });

  it('redelivers with the same webhook-id and a fresh signature', async () => {
    const log = await request(server)
      .get('/api/interchange/webhooks/default/partner/deliveries')
      .set('Authorization', user);
    const original = log.body.items[0];
    const res = await request(server)
      .post(
        `/api/interchange/webhooks/default/partner/deliveries/${original.id}/redeliver`,
      )
      .set('Authorization', user)
      .expect(200);
    expect(received).toHaveLength(2);
    expect(received[1].headers['webhook-id']).toBe(original.eventId);
    expect(received[1].body).toBe(received[0].body);
    expect(res.body.delivery).toMatchObject({
      redeliveryOf: original.id,
      eventId: original.eventId,
      outcome: 'delivered',
    });
  });

  it('refuses the same URL without an allowlist before any byte is sent', async () => {
    const before = connections;
    const res = await request(noAllowlistServer)
      .post('/api/interchange/webhooks/default/partner/test')
      .set('Authorization', user)
      .send({})
      .expect(200);
    expect(res.body.delivery).toMatchObject({ outcome: 'refused' });
    expect(res.body.delivery.error).toContain(
      '127.0.0.1 is a loopback address; requests to non-public addresses are refused unless allowlisted',
    );
    await new Promise(r => setTimeout(r, 100));
    expect(connections).toBe(before);
  });

  it('needs the send permission (owners only in the demo policy)', async () => {
    const res = await request(denyServer)
      .post('/api/interchange/webhooks/default/partner/test')
      .set('Authorization', user)
      .send({})
      .expect(403);
    expect(res.body.error.message).toContain(
      'interchange.webhook.send is not allowed on webhook:default/partner',
    );
    await request(denyServer)
      .get('/api/interchange/webhooks/default/partner/deliveries')
      .set('Authorization', user)
      .expect(403);
  });

  it('checks the redeliver permission before looking the attempt up, and only redelivers the webhook its own attempts', async () => {
    const log = await request(server)
      .get('/api/interchange/webhooks/default/partner/deliveries')
      .set('Authorization', user);
    const original = log.body.items[0];
    const denied = await request(denyServer)
      .post(
        '/api/interchange/webhooks/default/partner/deliveries/00000000-0000-4000-8000-000000000000/redeliver',
      )
      .set('Authorization', user)
      .expect(403);
    expect(denied.body.error.message).toContain(
      'interchange.webhook.redeliver is not allowed on webhook:default/partner',
    );
    await request(server)
      .post(
        '/api/interchange/webhooks/default/partner/deliveries/00000000-0000-4000-8000-000000000000/redeliver',
      )
      .set('Authorization', user)
      .expect(404);
    const other = await request(server)
      .post(
        `/api/interchange/webhooks/default/inbound/deliveries/${original.id}/redeliver`,
      )
      .set('Authorization', user)
      .expect(404);
    expect(other.body.error.message).toBe(
      `No delivery ${original.id} of webhook:default/inbound`,
    );
  });

  describe('receiving', () => {
    const url = '/api/interchange/webhooks/default/inbound/receive';
    const now = () => Math.floor(Date.now() / 1000);
    async function signed(id: string, body: string, timestamp = now()) {
      return signWebhook('standard-webhooks', SECRET, { id, timestamp, body });
    }

    it('accepts a signed delivery without a Backstage token, records it, publishes it', async () => {
      const body = JSON.stringify({ type: 'order.shipped', data: { id: 1 } });
      const res = await request(server)
        .post(url)
        .set(await signed('evt_1', body))
        .set('content-type', 'application/json')
        .send(body)
        .expect(202);
      expect(res.body).toEqual({ status: 'received', eventId: 'evt_1' });
      expect(published).toContainEqual(
        expect.objectContaining({
          topic: WEBHOOK_RECEIVED_TOPIC,
          eventPayload: {
            webhook: 'webhook:default/inbound',
            eventId: 'evt_1',
            eventType: 'order.shipped',
            event: { type: 'order.shipped', data: { id: 1 } },
          },
        }),
      );
      // The sender retries: recorded once.
      await request(server)
        .post(url)
        .set(await signed('evt_1', body))
        .send(body)
        .expect(200, { status: 'duplicate', eventId: 'evt_1' });
    });

    it('rejects bad, missing and stale signatures (401), bad JSON (400), big bodies (413)', async () => {
      const body = '{"type":"order.shipped"}';
      const headers = await signed('evt_2', body);
      const bad = await request(server)
        .post(url)
        .set(headers)
        .send('{"type":"order.cancelled"}')
        .expect(401);
      expect(bad.body.error.message).toBe(
        'no signature matches: wrong secret or modified body',
      );
      await request(server).post(url).send(body).expect(401);
      const stale = await request(server)
        .post(url)
        .set(await signed('evt_3', body, now() - 3600))
        .send(body)
        .expect(401);
      expect(stale.body.error.message).toMatch(
        /is 3600 s from now; at most 300 s/,
      );
      const notJson = 'not json';
      await request(server)
        .post(url)
        .set(await signed('evt_4', notJson))
        .send(notJson)
        .expect(400);
      const big = JSON.stringify({ pad: 'x'.repeat(4000) });
      const tooBig = await request(server)
        .post(url)
        .set(await signed('evt_5', big))
        .set('content-type', 'application/json')
        .send(big)
        .expect(413);
      expect(tooBig.body.error.message).toBe(
        'body is larger than 2048 bytes (interchange.webhooks.inbound.maxBodyBytes)',
      );
    });

    it('verifies GitHub signatures and refuses unsigned receivers not allowed in config', async () => {
      const body = '{"action":"created"}';
      const headers = await signWebhook('github', GITHUB_SECRET, {
        id: 'd-1',
        timestamp: 0,
        body,
      });
      await request(server)
        .post('/api/interchange/webhooks/default/inbound-github/receive')
        .set({ ...headers, 'x-github-event': 'deployment' })
        .send(body)
        .expect(202);
      const unsigned = await request(server)
        .post('/api/interchange/webhooks/default/inbound-unsigned/receive')
        .set({ 'webhook-id': 'u-1' })
        .send(body)
        .expect(403);
      expect(unsigned.body.error.message).toContain(
        'unsigned receivers must be allowed in interchange.webhooks.inbound.allowUnsigned',
      );
    });

    describe.each(databases.eachSupportedId())('on %s', databaseId => {
      it('records a burst of 1,000 signed deliveries exactly once, dropping duplicates sent at the same time', async () => {
        const knex = await databases.init(databaseId);
        const burstServer = await startBackend(
          [mockServices.database.factory({ knex })],
          ['127.0.0.1/32'],
        );
        const prefix = `burst_${databaseId}_`;
        const ids = Array.from({ length: 1000 }, (_, i) => `${prefix}${i}`);
        // Every tenth event is sent twice, right after itself, so both
        // copies are in flight together, as with a retrying sender.
        const sends = ids.flatMap((id, i) => (i % 10 === 0 ? [id, id] : [id]));
        const statuses = new Map<number, number>();
        const agent = request(burstServer);
        for (let i = 0; i < sends.length; i += 50) {
          const batch = await Promise.all(
            sends.slice(i, i + 50).map(async id => {
              const body = JSON.stringify({
                type: 'order.shipped',
                data: { id },
              });
              const res = await agent
                .post(url)
                .set(await signed(id, body))
                .set('content-type', 'application/json')
                .send(body);
              return res.status;
            }),
          );
          batch.forEach(st => statuses.set(st, (statuses.get(st) ?? 0) + 1));
        }
        expect(Object.fromEntries(statuses)).toEqual({ 202: 1000, 200: 100 });
        // Every row, not a page of the API: one per event.
        const [counts] = await knex('interchange_webhook_deliveries')
          .where({
            entity_ref: 'webhook:default/inbound',
            direction: 'inbound',
          })
          .andWhere('event_id', 'like', `${prefix}%`)
          .select(
            knex.raw('count(*) as "rows"'),
            knex.raw('count(distinct event_id) as "events"'),
          );
        expect({
          rows: Number(counts.rows),
          events: Number(counts.events),
        }).toEqual({ rows: 1000, events: 1000 });
        expect(
          published.filter(e =>
            String((e.eventPayload as any).eventId).startsWith(prefix),
          ),
        ).toHaveLength(1000);
      }, 180_000);
    });
  });
});
