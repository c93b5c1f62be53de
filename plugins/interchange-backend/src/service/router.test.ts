import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { interchangePlugin } from '../plugin';
import { spec } from '../schema/openapi';

jest.setTimeout(60_000);

/**
 * The router against its contract: requests that do not match the spec are
 * 400s naming the parameter, in Backstage's error body, before any catalog
 * or broker call. No broker is configured: a 400 must not need one.
 */
describe('interchange router and its OpenAPI contract', () => {
  let server: any;
  let stop: () => Promise<void>;
  const user = mockCredentials.user.header();

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        interchangePlugin,
        eventsServiceFactory,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            interchange: {
              kafka: {
                lagSampling: { enabled: false },
                // Nothing listens there: any broker call would be a 503.
                clusters: [{ id: 'local', brokers: ['127.0.0.1:1'] }],
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(() => stop());

  /** The message of the 400 a GET of `path` must answer. */
  async function badRequest(path: string): Promise<string> {
    const res = await request(server)
      .get(`/api/interchange${path}`)
      .set('Authorization', user);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { name: 'InputError' },
      response: { statusCode: 400 },
    });
    return res.body.error.message as string;
  }

  it.each([
    ['a space', 'orders%20placed'],
    ['a slash-free but illegal character', 'orders%3Aplaced'],
    ["'.'", '%2E'],
    ["'..'", '%2E%2E'],
    ['250 characters', 'a'.repeat(250)],
  ])(
    'refuses a topic name Kafka refuses (%s) with a 400 naming the topic',
    async (_, topic) => {
      expect(
        await badRequest(`/kafka/clusters/local/topics/${topic}`),
      ).toContain('topic');
      expect(
        await badRequest(
          `/kafka/clusters/local/topics/${topic}/consumer-groups`,
        ),
      ).toContain('topic');
    },
  );

  it('accepts the longest legal topic name (reaching the broker, which is down)', async () => {
    const res = await request(server)
      .get(`/api/interchange/kafka/clusters/local/topics/${'a'.repeat(249)}`)
      .set('Authorization', user);
    expect(res.status).toBe(503);
  });

  it.each([
    ['namespace', '/kafka/entities/bad_ns/kafkatopic/orders'],
    ['kind', '/kafka/entities/default/1kind/orders'],
    ['name', '/kafka/entities/default/kafkatopic/-orders'],
    ['name', `/kafka/entities/default/kafkatopic/${'n'.repeat(64)}`],
    ['namespace', '/kafka/entities/bad_ns/component/billing/consumer-groups'],
    ['name', '/webhooks/default/bad%20name/deliveries'],
    ['namespace', '/webhooks/default.x/hook/deliveries'],
  ])(
    'refuses an entity ref that cannot parse with a 400 naming the %s',
    async (parameter, path) => {
      expect(await badRequest(path)).toContain(parameter);
    },
  );

  it("answers a path that is no route with a 404 in Backstage's error body", async () => {
    // e.g. a vhost of '.', which the URL resolves away before any route.
    const res = await request(server)
      .get('/api/interchange/rabbitmq/brokers/local/queues/shipping.labels')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.error).toMatchObject({ name: 'NotFoundError' });
    expect(res.body.error.message).toContain('is not an Interchange route');
  });

  it('checks query parameters against the spec', async () => {
    expect(
      await badRequest('/kafka/clusters/local/consumer-groups/g/trend?hours=0'),
    ).toContain('hours');
    expect(
      await badRequest(
        '/kafka/clusters/local/consumer-groups/g/trend?hours=169',
      ),
    ).toContain('hours');
    expect(
      await badRequest('/webhooks/default/hook/deliveries?limit=0'),
    ).toContain('limit');
    expect(
      await badRequest('/kafka/clusters/local/topic-name-check'),
    ).toContain('name');
    expect(await badRequest('/kafka/clusters?unknown=1')).toContain('unknown');
  });

  it('checks the receiver path too, though its body stays raw', async () => {
    const res = await request(server)
      .post('/api/interchange/webhooks/default/bad%20name/receive')
      .set('content-type', 'application/json')
      .send('{}');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("path parameter 'name'");
    expect(res.body.response).toEqual({ statusCode: 400 });
  });

  it('checks request bodies against the spec', async () => {
    const res = await request(server)
      .post('/api/interchange/webhooks/default/hook/test')
      .set('Authorization', user)
      .send({ eventType: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('eventType');
  });

  it('serves the spec it validates against', async () => {
    const res = await request(server)
      .get('/api/interchange/openapi.json')
      .set('Authorization', user);
    expect(res.status).toBe(200);
    // Backstage serves it through openapi-merge, which labels it 3.0.3.
    expect(res.body.info.title).toBe('interchange');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      Object.keys(spec.paths)
        .map(p => `/api/interchange${p}`)
        .sort(),
    );
  });
});
