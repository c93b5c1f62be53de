import { Entity } from '@backstage/catalog-model';

/** Entities the card and page tests share. */
export const topic: Entity = {
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'KafkaTopic',
  metadata: { name: 'orders.placed.v1', namespace: 'default', uid: 't1' },
  spec: { owner: 'team-a', cluster: 'prod-eu', partitions: 3 },
};

export const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'billing',
    namespace: 'default',
    uid: 'c1',
    annotations: {
      'interchange.dev/kafka-consumer-groups':
        'prod-eu/billing,prod-us/billing',
    },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

export const route: Entity = {
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'GatewayRoute',
  metadata: {
    name: 'orders-api',
    namespace: 'default',
    uid: 'r1',
    annotations: {
      'interchange.dev/route-source': 'kong-config',
      'interchange.dev/route-location': 'edge/kong.yaml',
    },
  },
  spec: {
    owner: 'team-a',
    gateway: 'edge',
    paths: ['/v1/orders'],
    methods: ['GET'],
    upstream: 'component:default/billing',
    authentication: 'jwt',
    exposure: 'public',
  },
  relations: [{ type: 'routesTo', targetRef: 'component:default/billing' }],
};

export const webhook: Entity = {
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'Webhook',
  metadata: { name: 'order-events', namespace: 'default', uid: 'w1' },
  spec: {
    owner: 'team-a',
    events: ['order.placed', 'order.cancelled'],
    sender: 'component:default/billing',
    url: 'https://partner.example.com/hooks',
    signing: { scheme: 'standard-webhooks', secretRef: 'partner' },
  },
};
