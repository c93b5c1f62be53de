import {
  emittedRelationsOf,
  interchangeEntity,
} from '../__testUtils__/emittedRelations';

describe('emitInterchangeRelations', () => {
  it('relates a KafkaTopic to its owner, system, producers, consumers and schema, both ways', () => {
    expect(
      emittedRelationsOf(
        interchangeEntity('KafkaTopic', {
          owner: 'team-a',
          system: 'storefront',
          cluster: 'local',
          producers: ['order-service'],
          consumers: [
            'component:billing/invoice-service',
            { entityRef: 'shipping-service', consumerGroup: 'shipping' },
          ],
          schema: 'order-events',
        }),
      ),
    ).toEqual([
      'api:default/order-events describes kafkatopic:default/it',
      'component:billing/invoice-service consumesFrom kafkatopic:default/it',
      'component:default/order-service producesTo kafkatopic:default/it',
      'component:default/shipping-service consumesFrom kafkatopic:default/it',
      'group:default/team-a ownerOf kafkatopic:default/it',
      'kafkatopic:default/it consumedBy component:billing/invoice-service',
      'kafkatopic:default/it consumedBy component:default/shipping-service',
      'kafkatopic:default/it describedBy api:default/order-events',
      'kafkatopic:default/it ownedBy group:default/team-a',
      'kafkatopic:default/it partOf system:default/storefront',
      'kafkatopic:default/it producedBy component:default/order-service',
      'system:default/storefront hasPart kafkatopic:default/it',
    ]);
  });

  it('relates a GatewayRoute to the component it routes to and the API it exposes', () => {
    expect(
      emittedRelationsOf(
        interchangeEntity('GatewayRoute', {
          owner: 'user:jane',
          gateway: 'kong',
          paths: ['/orders'],
          upstream: 'order-service',
          api: 'orders-api',
        }),
      ),
    ).toEqual([
      'api:default/orders-api exposedBy gatewayroute:default/it',
      'component:default/order-service routedBy gatewayroute:default/it',
      'gatewayroute:default/it exposes api:default/orders-api',
      'gatewayroute:default/it ownedBy user:default/jane',
      'gatewayroute:default/it routesTo component:default/order-service',
      'user:default/jane ownerOf gatewayroute:default/it',
    ]);
  });

  it('relates a Webhook to its sender, receiver and schema', () => {
    expect(
      emittedRelationsOf(
        interchangeEntity('Webhook', {
          owner: 'team-a',
          events: ['order.shipped'],
          sender: 'shipping-service',
          receiver: 'notification-service',
          schema: 'api:shipment-events',
          signing: { scheme: 'github', secretRef: 'shipping' },
        }),
      ),
    ).toEqual([
      'api:default/shipment-events describes webhook:default/it',
      'component:default/notification-service consumesFrom webhook:default/it',
      'component:default/shipping-service producesTo webhook:default/it',
      'group:default/team-a ownerOf webhook:default/it',
      'webhook:default/it consumedBy component:default/notification-service',
      'webhook:default/it describedBy api:default/shipment-events',
      'webhook:default/it ownedBy group:default/team-a',
      'webhook:default/it producedBy component:default/shipping-service',
    ]);
  });

  it("relates a Component to the topics and webhooks it declares, in the component's namespace by default", () => {
    expect(
      emittedRelationsOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'svc', namespace: 'payments' },
        spec: {
          type: 'service',
          owner: 'team-a',
          lifecycle: 'production',
          producesTo: [
            'payments.settled.v1',
            'webhook:default/partner-refunds',
          ],
          consumesFrom: ['kafkatopic:default/orders.placed.v1'],
        },
      }),
    ).toEqual([
      'component:payments/svc consumesFrom kafkatopic:default/orders.placed.v1',
      'component:payments/svc producesTo kafkatopic:payments/payments.settled.v1',
      'component:payments/svc producesTo webhook:default/partner-refunds',
      'kafkatopic:default/orders.placed.v1 consumedBy component:payments/svc',
      'kafkatopic:payments/payments.settled.v1 producedBy component:payments/svc',
      'webhook:default/partner-refunds producedBy component:payments/svc',
    ]);
  });

  it('emits nothing for other kinds, and skips missing or empty refs', () => {
    expect(
      emittedRelationsOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: 'orders-api' },
        spec: { producesTo: ['x'] },
      }),
    ).toEqual([]);
    expect(
      emittedRelationsOf(
        interchangeEntity('KafkaTopic', {
          owner: 'team-a',
          cluster: 'local',
          producers: [''],
        }),
      ),
    ).toEqual([
      'group:default/team-a ownerOf kafkatopic:default/it',
      'kafkatopic:default/it ownedBy group:default/team-a',
    ]);
  });
});
