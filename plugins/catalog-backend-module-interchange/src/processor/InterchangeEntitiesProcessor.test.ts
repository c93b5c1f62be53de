import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { InterchangeEntitiesProcessor } from './InterchangeEntitiesProcessor';

const topic: Entity = {
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'KafkaTopic',
  metadata: { name: 'orders.placed.v1' },
  spec: { owner: 'team-fulfillment', cluster: 'local', partitions: 3 },
};

describe('InterchangeEntitiesProcessor', () => {
  const processor = InterchangeEntitiesProcessor.fromConfig(
    new ConfigReader({
      interchange: {
        kafka: { clusters: [{ id: 'local', brokers: ['b:9092'] }] },
      },
    }),
  );

  it('claims valid Interchange entities and ignores other kinds', async () => {
    await expect(processor.validateEntityKind(topic)).resolves.toBe(true);
    await expect(
      processor.validateEntityKind({
        ...topic,
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
      }),
    ).resolves.toBe(false);
  });

  it('rejects invalid entities with every problem, its field and its fix', async () => {
    await expect(
      processor.validateEntityKind({
        ...topic,
        spec: {
          owner: 'team-fulfillment',
          cluster: 'prod',
          partitions: 0,
          config: { 'cleanup.policy': 'archive' },
        },
      }),
    ).rejects.toThrow(
      [
        "KafkaTopic 'orders.placed.v1' is invalid:",
        'spec.partitions: must be at least 1 (got 0). Fix: set spec.partitions to a whole number of at least 1, e.g. 6',
        "spec.cluster: 'prod' is not a configured Kafka cluster. Fix: use one of 'local', or add it to interchange.kafka.clusters in app-config",
        "spec.config.cleanup.policy: must be 'delete', 'compact' or both (got 'archive'). Fix: use 'delete', 'compact' or 'compact,delete'",
      ].join('\n'),
    );
  });

  it('skips invalid component integration fields with a warning instead of dropping the component', async () => {
    const logger = mockServices.logger.mock();
    const withLogger = new InterchangeEntitiesProcessor({ logger });
    const emit = jest.fn();
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'cart-service' },
      spec: {
        type: 'service',
        owner: 'x',
        lifecycle: 'production',
        producesTo: ['api:cart-api'],
      },
    };
    await expect(
      withLogger.postProcessEntity(
        component,
        { type: 'url', target: 'x' },
        emit,
      ),
    ).resolves.toBe(component);
    expect(emit).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        "spec.producesTo[0]: 'api:cart-api' refers to an api, but only KafkaTopic or Webhook or RabbitMQExchange or RabbitMQQueue can be used here",
      ),
    );
  });
});
