import { ResponseError } from '@backstage/errors';
import { InterchangeClient } from './InterchangeClient';

/** A fetch API that records requests and answers from a table. */
function fakeBackend(answer: (url: string) => { status: number; body: any }) {
  const requests: { url: string; method: string; body?: string }[] = [];
  const fetchApi = {
    fetch: async (url: any, init?: any) => {
      requests.push({
        url: String(url),
        method: init?.method,
        body: init?.body,
      });
      const { status, body } = answer(String(url));
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
  const discoveryApi = {
    getBaseUrl: async (id: string) => `http://backend/api/${id}`,
  };
  return {
    requests,
    client: new InterchangeClient({ discoveryApi, fetchApi: fetchApi as any }),
  };
}

describe('InterchangeClient', () => {
  it('calls the generated routes with encoded parameters', async () => {
    const { client, requests } = fakeBackend(() => ({
      status: 200,
      body: { items: [{ timestamp: 1, totalLag: 2 }], errors: [] },
    }));
    await client.getKafkaConsumerGroups({
      kind: 'KafkaTopic',
      namespace: 'Default',
      name: 'Orders.v1',
    });
    expect(await client.getKafkaGroupTrend('local', 'billing/eu', 12)).toEqual([
      { timestamp: 1, totalLag: 2 },
    ]);
    await client.getWebhookDeliveries(
      { kind: 'Webhook', namespace: 'default', name: 'partner' },
      20,
    );
    await client.sendWebhookTestEvent(
      { kind: 'Webhook', namespace: 'default', name: 'partner' },
      'order.shipped',
    );
    await client.redeliverWebhook(
      { kind: 'Webhook', namespace: 'default', name: 'partner' },
      'd 1',
    );
    expect(requests).toEqual([
      {
        url: 'http://backend/api/interchange/kafka/entities/default/kafkatopic/orders.v1/consumer-groups',
        method: 'GET',
      },
      {
        url: 'http://backend/api/interchange/kafka/clusters/local/consumer-groups/billing%2Feu/trend?hours=12',
        method: 'GET',
      },
      {
        url: 'http://backend/api/interchange/webhooks/default/partner/deliveries?limit=20',
        method: 'GET',
      },
      {
        url: 'http://backend/api/interchange/webhooks/default/partner/test',
        method: 'POST',
        body: '{"eventType":"order.shipped"}',
      },
      {
        url: 'http://backend/api/interchange/webhooks/default/partner/deliveries/d%201/redeliver',
        method: 'POST',
        body: undefined,
      },
    ]);
  });

  it("throws Backstage's error body as a ResponseError", async () => {
    const { client } = fakeBackend(() => ({
      status: 400,
      body: {
        error: {
          name: 'InputError',
          message: 'request/params/topic must match pattern',
        },
        response: { statusCode: 400 },
      },
    }));
    const error = await client.checkKafkaTopicName('local', 'x').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toContain('topic');
  });

  it('reads findings with encoded filters and impact with its query', async () => {
    const { client, requests } = fakeBackend(url =>
      url.includes('/checks')
        ? {
            status: 200,
            body: {
              computedAt: '2026-12-01T10:00:00.000Z',
              skippedRules: [],
              excused: 1,
              items: [{ rule: 'hygiene/orphan-topic' }],
            },
          }
        : {
            status: 200,
            body: {
              entityRef: 'component:default/a',
              direction: 'upstream',
              depth: 3,
              reached: [],
            },
          },
    );
    expect(
      await client.getChecks({
        entityRef: 'component:default/a',
        severity: 'error',
      }),
    ).toEqual({
      computedAt: '2026-12-01T10:00:00.000Z',
      skippedRules: [],
      excused: 1,
      findings: [{ rule: 'hygiene/orphan-topic' }],
    });
    await client.getChecks();
    expect(
      await client.getImpact({
        entityRef: 'component:default/a',
        direction: 'upstream',
        depth: 3,
      }),
    ).toEqual({
      entityRef: 'component:default/a',
      direction: 'upstream',
      depth: 3,
      reached: [],
      found: true,
    });
    expect(requests.map(r => r.url)).toEqual([
      'http://backend/api/interchange/checks?entityRef=component%3Adefault%2Fa&severity=error',
      'http://backend/api/interchange/checks',
      'http://backend/api/interchange/impact?entityRef=component%3Adefault%2Fa&direction=upstream&depth=3',
    ]);
  });
});
