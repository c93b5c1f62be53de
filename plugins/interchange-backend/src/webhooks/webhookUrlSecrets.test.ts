import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { interchangePlugin } from '../plugin';

jest.setTimeout(60_000);

// A Zapier-style endpoint: the hook path is the credential, and the sender
// (Zapier) can only add a static header, so the portal's receiver checks a
// shared token.
const HOOK_PATH_SECRET = '1234567/zap-hook-0123456789abcdef';
const TOKEN = 'zap-token-9f8e7d6c5b4a39281706';

type Received = { url: string; headers: http.IncomingHttpHeaders };

describe('webhook secrets in URLs and shared tokens', () => {
  const received: Received[] = [];
  // Echoes the URL it was called on, as some services do in errors: the
  // portal must not store or show it.
  const endpoint = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push({ url: req.url!, headers: req.headers });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`accepted on ${req.url} with ${req.headers['x-zap-token']}`);
    });
  });
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const user = mockCredentials.user.header();

  beforeAll(async () => {
    await new Promise<void>(r => endpoint.listen(0, '127.0.0.1', r));
    const port = (endpoint.address() as AddressInfo).port;
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
    backend = await startTestBackend({
      features: [
        interchangePlugin,
        eventsServiceFactory,
        catalogServiceMock.factory({
          entities: [
            webhook('zap-orders', {
              url: `http://127.0.0.1:${port}/hooks/catch/{secret}/`,
              urlSecretRef: 'zap-orders-hook',
              signing: {
                scheme: 'shared-token',
                secretRef: 'zap-token',
                header: 'X-Zap-Token',
              },
            }),
            webhook('zap-missing', {
              url: `http://127.0.0.1:${port}/hooks/catch/{secret}/`,
              urlSecretRef: 'not-configured',
              signing: { scheme: 'none' },
            }),
            webhook('from-zapier', {
              receiver: 'component:default/b',
              signing: {
                scheme: 'shared-token',
                secretRef: 'zap-token',
                header: 'X-Zap-Token',
              },
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            interchange: {
              kafka: { lagSampling: { enabled: false } },
              webhooks: {
                secrets: {
                  'zap-orders-hook': HOOK_PATH_SECRET,
                  'zap-token': TOKEN,
                },
                outbound: { allow: ['127.0.0.1/32'] },
              },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    endpoint.close();
  });

  it('completes the URL from urlSecretRef at send time and never records or answers the secret', async () => {
    const res = await request(backend.server)
      .post('/api/interchange/webhooks/default/zap-orders/test')
      .set('Authorization', user)
      .send({})
      .expect(200);
    expect(received).toHaveLength(1);
    expect(received[0].url).toBe(`/hooks/catch/${HOOK_PATH_SECRET}/`);
    expect(received[0].headers['x-zap-token']).toBe(TOKEN);
    expect(res.body.delivery).toMatchObject({
      outcome: 'delivered',
      url: expect.stringMatching(/\/hooks\/catch\/\{secret\}\/$/),
      response: 'accepted on /hooks/catch/[redacted]/ with [redacted]',
    });
    expect(res.body.signature).toMatchObject({
      scheme: 'shared-token',
      secretRef: 'zap-token',
      headers: { 'x-zap-token': `…${TOKEN.slice(-4)}` },
    });
    const log = await request(backend.server)
      .get('/api/interchange/webhooks/default/zap-orders/deliveries')
      .set('Authorization', user)
      .expect(200);
    for (const body of [res.text, log.text]) {
      expect(body).not.toContain(HOOK_PATH_SECRET);
      expect(body).not.toContain('zap-hook-0123456789abcdef');
      expect(body).not.toContain(TOKEN);
    }
  });

  it('names the missing URL secret and where to configure it', async () => {
    const res = await request(backend.server)
      .post('/api/interchange/webhooks/default/zap-missing/test')
      .set('Authorization', user)
      .send({})
      .expect(400);
    expect(res.body.error.message).toBe(
      "no secret 'not-configured' is configured for spec.urlSecretRef: add it under interchange.webhooks.secrets.not-configured (from your secret store)",
    );
  });

  it('receives with the shared token in its header, and refuses a wrong one', async () => {
    const body = JSON.stringify({ type: 'order.shipped', data: {} });
    await request(backend.server)
      .post('/api/interchange/webhooks/default/from-zapier/receive')
      .set('content-type', 'application/json')
      .set('webhook-id', 'zap_1')
      .set('x-zap-token', TOKEN)
      .send(body)
      .expect(202);
    const wrong = await request(backend.server)
      .post('/api/interchange/webhooks/default/from-zapier/receive')
      .set('content-type', 'application/json')
      .set('webhook-id', 'zap_2')
      .set('x-zap-token', `${TOKEN}x`)
      .send(body)
      .expect(401);
    expect(wrong.body.error.message).toBe(
      'x-zap-token does not match the shared token',
    );
    const log = await request(backend.server)
      .get('/api/interchange/webhooks/default/from-zapier/deliveries')
      .set('Authorization', user)
      .expect(200);
    expect(log.body.items.map((d: any) => d.outcome).sort()).toEqual([
      'received',
      'rejected',
    ]);
    expect(log.text).not.toContain(TOKEN);
  });
});
