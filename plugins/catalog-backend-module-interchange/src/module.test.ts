import path from 'path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { defaultCatalogEntityModel } from '@backstage/catalog-model/alpha';
import { provideStaticCatalogModel } from '@backstage/plugin-catalog-node/alpha';
import { interchangeCatalogModelLayer } from '@interchange/plugin-interchange-common/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModuleInterchange } from './module';

const examples = path.resolve(__dirname, '../../../examples');

const locations = [
  'org.yaml',
  'systems.yaml',
  'components.yaml',
  'apis.yaml',
  'integrations/kafka-topics.yaml',
  'integrations/gateway-routes.yaml',
  'integrations/webhooks.yaml',
].map(f => ({ type: 'file', target: path.join(examples, f) }));

const config = {
  backend: { baseUrl: 'http://localhost:0' },
  catalog: {
    rules: [
      {
        allow: [
          'Component',
          'System',
          'Domain',
          'API',
          'Resource',
          'Location',
          'Group',
          'User',
          'KafkaTopic',
          'GatewayRoute',
          'Webhook',
        ],
      },
    ],
    locations,
  },
  interchange: {
    kafka: { clusters: [{ id: 'local', brokers: ['127.0.0.1:19092'] }] },
  },
};

async function waitForEntity(
  server: any,
  ref: string,
  ready: (e: Entity) => boolean = () => true,
): Promise<Entity> {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const deadline = Date.now() + 60_000;
  let last: Entity | undefined;
  while (Date.now() < deadline) {
    const res = await request(server).get(
      `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
    );
    if (res.status === 200) {
      last = res.body;
      if (ready(res.body)) {
        return res.body;
      }
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(
    `${ref} did not appear (last: ${JSON.stringify(last?.relations)})`,
  );
}

const relationsOf = (e: Entity) =>
  (e.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();

describe.each([
  ['the processor alone', []],
  [
    'the processor with the catalog model layer',
    [
      provideStaticCatalogModel({
        layers: [defaultCatalogEntityModel, interchangeCatalogModelLayer],
      }),
    ],
  ],
])('catalog with %s', (_name, extra) => {
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleInterchange,
        mockServices.rootConfig.factory({ data: config }),
        ...(extra as any[]),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  }, 60_000);

  afterAll(async () => {
    await stop?.();
  });

  it('ingests a topic with relations on both ends, declared on either side', async () => {
    const topic = await waitForEntity(
      server,
      'kafkatopic:default/orders.order-events.v1',
      e =>
        relationsOf(e).includes(
          'consumedBy component:default/analytics-ingest',
        ),
    );
    expect(relationsOf(topic)).toEqual([
      'consumedBy component:default/analytics-ingest',
      'consumedBy component:default/inventory-service',
      'consumedBy component:default/notification-service',
      'consumedBy component:default/shipping-service',
      'describedBy api:default/order-events',
      'ownedBy group:default/team-fulfillment',
      'partOf system:default/fulfillment',
      'producedBy component:default/order-service',
    ]);

    const producer = await waitForEntity(
      server,
      'component:default/order-service',
      e =>
        relationsOf(e).includes(
          'producesTo kafkatopic:default/orders.order-events.v1',
        ),
    );
    expect(relationsOf(producer)).toEqual(
      expect.arrayContaining([
        'producesTo kafkatopic:default/orders.order-events.v1',
        'consumesFrom kafkatopic:default/payments.payment-events.v1',
        'routedBy gatewayroute:default/public-orders',
        'routedBy gatewayroute:default/internal-orders',
        'producesTo webhook:default/marketplace-order-status',
        'partOf system:default/fulfillment',
      ]),
    );

    // Declared only by the components: cart-service produces, notification-service consumes.
    const abandoned = await waitForEntity(
      server,
      'kafkatopic:default/storefront.cart-abandoned.v1',
      e => relationsOf(e).some(r => r.startsWith('consumedBy')),
    );
    expect(relationsOf(abandoned)).toEqual([
      'consumedBy component:default/notification-service',
      'ownedBy group:default/team-storefront',
      'partOf system:default/storefront',
      'producedBy component:default/cart-service',
    ]);

    const api = await waitForEntity(server, 'api:default/order-events', e =>
      relationsOf(e).some(r => r.startsWith('describes')),
    );
    expect(relationsOf(api)).toEqual(
      expect.arrayContaining([
        'describes kafkatopic:default/orders.order-events.v1',
        'describes webhook:default/marketplace-order-status',
      ]),
    );
  }, 90_000);

  it('links routes to their upstream component and API, and webhooks to sender and receiver', async () => {
    const route = await waitForEntity(
      server,
      'gatewayroute:default/public-orders',
    );
    expect(relationsOf(route)).toEqual([
      'exposes api:default/orders-api',
      'ownedBy group:default/team-fulfillment',
      'partOf system:default/fulfillment',
      'routesTo component:default/order-service',
    ]);
    const ordersApi = await waitForEntity(server, 'api:default/orders-api', e =>
      relationsOf(e).some(r => r.startsWith('exposedBy')),
    );
    expect(relationsOf(ordersApi)).toEqual(
      expect.arrayContaining([
        'exposedBy gatewayroute:default/public-orders',
        'exposedBy gatewayroute:default/internal-orders',
      ]),
    );

    const hook = await waitForEntity(
      server,
      'webhook:default/carrier-tracking-updates',
    );
    expect(relationsOf(hook)).toEqual([
      'consumedBy component:default/shipping-service',
      'describedBy api:default/shipment-events',
      'ownedBy group:default/team-fulfillment',
      'partOf system:default/fulfillment',
      'producedBy component:default/carrier-network',
    ]);
    const team = await waitForEntity(
      server,
      'group:default/team-fulfillment',
      e =>
        relationsOf(e).includes(
          'ownerOf webhook:default/carrier-tracking-updates',
        ),
    );
    expect(relationsOf(team)).toEqual(
      expect.arrayContaining([
        'ownerOf kafkatopic:default/orders.order-events.v1',
        'ownerOf gatewayroute:default/public-orders',
        'ownerOf webhook:default/carrier-tracking-updates',
        // core relations still work next to ours
        'hasMember user:default/priya.raman',
        'ownerOf component:default/order-service',
      ]),
    );
  }, 90_000);

  it('relates webhooks declared on the component side, and systems to their integrations', async () => {
    // payment-service declares consumesFrom the webhook; the webhook also
    // names it as receiver: one pair.
    const receiver = await waitForEntity(
      server,
      'component:default/payment-service',
      e =>
        relationsOf(e).includes(
          'consumesFrom webhook:default/payment-provider-events',
        ),
    );
    const declared = relationsOf(receiver).filter(
      r => r === 'consumesFrom webhook:default/payment-provider-events',
    );
    expect(declared).toHaveLength(1);
    const hook = await waitForEntity(
      server,
      'webhook:default/payment-provider-events',
    );
    expect(relationsOf(hook)).toContain(
      'consumedBy component:default/payment-service',
    );

    const system = await waitForEntity(
      server,
      'system:default/fulfillment',
      e =>
        relationsOf(e).includes('hasPart gatewayroute:default/public-orders'),
    );
    expect(relationsOf(system)).toEqual(
      expect.arrayContaining([
        'hasPart kafkatopic:default/orders.order-events.v1',
        'hasPart gatewayroute:default/public-orders',
        'hasPart webhook:default/carrier-tracking-updates',
      ]),
    );
  }, 90_000);

  it('keeps each relation once even when both sides declare it', async () => {
    const topic = await waitForEntity(
      server,
      'kafkatopic:default/orders.order-events.v1',
    );
    const all = (topic.relations ?? []).map(r => `${r.type} ${r.targetRef}`);
    expect(new Set(all).size).toBe(all.length);
    expect(stringifyEntityRef(topic)).toBe(
      'kafkatopic:default/orders.order-events.v1',
    );
  });
});
