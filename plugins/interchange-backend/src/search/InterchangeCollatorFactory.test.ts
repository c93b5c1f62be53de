import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import {
  InterchangeCollatorFactory,
  InterchangeDocument,
} from './InterchangeCollatorFactory';
import { exampleEntities } from '../__testUtils__/demoCatalog';

describe('InterchangeCollatorFactory', () => {
  it('indexes the integration kinds with their fields, so a route path or a consumer group finds the entity', async () => {
    const entities = exampleEntities(
      'components.yaml',
      'integrations/kafka-topics.yaml',
      'integrations/gateway-routes.yaml',
      'integrations/webhooks.yaml',
    );
    const factory = new InterchangeCollatorFactory(
      catalogServiceMock({ entities }),
      mockServices.auth(),
    );
    const { documents } = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    const docs = documents as InterchangeDocument[];
    expect(new Set(docs.map(d => d.kind))).toEqual(
      new Set(['KafkaTopic', 'GatewayRoute', 'Webhook']),
    );
    expect(docs.some(d => d.kind === 'Component')).toBe(false);
    // Lunr reads its fields from the first document: every one has every key.
    const keys = Object.keys(docs[0]).sort();
    for (const d of docs) {
      expect(Object.keys(d).sort()).toEqual(keys);
    }

    const route = docs.find(d => d.paths.split(' ').includes('/api/orders'));
    expect(route).toEqual(
      expect.objectContaining({
        kind: 'GatewayRoute',
        gateway: 'kong-public',
        location: expect.stringMatching(/^\/catalog\/default\/gatewayroute\//),
      }),
    );
    expect(route!.text).toContain('/api/orders');

    const topic = docs.find(d => d.consumerGroups.includes('notify-shipments'));
    expect(topic).toEqual(
      expect.objectContaining({
        title: 'shipping.shipment-events.v1',
        kind: 'KafkaTopic',
        cluster: 'local',
        topicName: 'shipping.shipment-events.v1',
        owner: 'team-fulfillment',
        producers: 'shipping-service',
        location: '/catalog/default/kafkatopic/shipping.shipment-events.v1',
        authorization: {
          resourceRef: 'kafkatopic:default/shipping.shipment-events.v1',
        },
      }),
    );
    expect(topic!.text).toContain('notify-shipments');

    const webhook = docs.find(d => d.title === 'fulfillment-status-sandbox');
    expect(webhook?.events).toBe('order.status-changed');
  });
});
