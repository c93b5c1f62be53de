import { validateInterchangeEntity } from '@interchange/plugin-interchange-common';
import { RabbitMQBrokers } from '@interchange/plugin-interchange-node';
import {
  createTestVhost,
  describeRabbitMQ,
  rabbitmqUrl,
  testRabbitMQBroker,
} from '@interchange/plugin-interchange-node/testUtils';
import { startHttpProxy } from '../__testUtils__/httpProxy';
import { testRabbitMQProvider } from '../__testUtils__/liveSourceProviders';

jest.setTimeout(60_000);

describeRabbitMQ('RabbitMQEntityProvider against a real broker', () => {
  let vhost: Awaited<ReturnType<typeof createTestVhost>>;

  beforeAll(async () => {
    vhost = await createTestVhost('provider');
    await vhost.declareExchange('orders', 'topic');
    await vhost.declareExchange('orders.dlx', 'fanout');
    await vhost.declareQueue('orders.invoicing', {
      arguments: {
        'x-queue-type': 'quorum',
        'x-dead-letter-exchange': 'orders.dlx',
        'x-delivery-limit': 3,
      },
    });
    await vhost.declareQueue('orders.declared-by-a-team');
    await vhost.bind('orders', 'orders.invoicing', 'order.placed');
  });

  afterAll(async () => {
    await vhost?.remove();
  });

  it('adds undeclared exchanges and queues, and deletes nothing when the broker cannot be read', async () => {
    // A pass-through to the real management API that the test can cut.
    const proxy = await startHttpProxy(rabbitmqUrl!);
    const brokers = new RabbitMQBrokers([
      testRabbitMQBroker({
        id: 'local',
        managementUrl: proxy.url,
        requestTimeoutMs: 2000,
      }),
    ]);
    const { provider, connection, mutations, logger } = testRabbitMQProvider({
      brokers,
      vhosts: new RegExp(`^${vhost.name}$`),
      catalogEntities: [
        {
          apiVersion: 'interchange.dev/v1alpha1',
          kind: 'RabbitMQQueue',
          metadata: { name: 'declared', namespace: 'default' },
          spec: {
            owner: 'team-a',
            broker: 'local',
            vhost: vhost.name,
            queueName: 'orders.declared-by-a-team',
          },
        },
      ],
    });
    await provider.connect(connection);

    const first = await provider.refresh();
    expect(first).toEqual({ applied: true, entities: 3 });
    const entities = mutations[0].map(d => d.entity);
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`).sort()).toEqual([
      `RabbitMQExchange:${vhost.name}.orders`,
      `RabbitMQExchange:${vhost.name}.orders.dlx`,
      `RabbitMQQueue:${vhost.name}.orders.invoicing`,
    ]);
    const queue = entities.find(e => e.kind === 'RabbitMQQueue')!;
    expect(queue.spec).toMatchObject({
      owner: 'group:team-platform',
      broker: 'local',
      vhost: vhost.name,
      queueName: 'orders.invoicing',
      queueType: 'quorum',
      bindings: [
        {
          exchange: `rabbitmqexchange:default/${vhost.name}.orders`,
          routingKey: 'order.placed',
        },
      ],
      deadLetterExchange: `rabbitmqexchange:default/${vhost.name}.orders.dlx`,
      arguments: { 'x-delivery-limit': 3 },
    });
    expect(queue.metadata.annotations).toMatchObject({
      'interchange.dev/discovered': 'true',
      'backstage.io/managed-by-location': 'interchange-rabbitmq:local',
    });
    for (const e of entities) {
      expect(
        validateInterchangeEntity(e, { knownRabbitMQBrokers: ['local'] }),
      ).toEqual([]);
    }

    // The broker goes away: nothing is applied, so nothing is deleted.
    await proxy.close();
    const second = await provider.refresh();
    expect(second.applied).toBe(false);
    expect(second.reason).toContain("RabbitMQ broker 'local'");
    expect(mutations).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Existing entities are kept'),
    );
    brokers.close();
  });
});
