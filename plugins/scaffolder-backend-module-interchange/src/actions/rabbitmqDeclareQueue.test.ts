import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { RabbitMQBrokers } from '@interchange/plugin-interchange-node';
import {
  createTestVhost,
  describeRabbitMQ,
  rabbitmqctl,
  testRabbitMQBroker,
} from '@interchange/plugin-interchange-node/testUtils';
import { createRabbitMQDeclareQueueAction } from './rabbitmqDeclareQueue';

jest.setTimeout(60_000);

const policy = {
  namePattern: '^[a-z]+\\.[a-z0-9-]+$',
  nameDescription: '<domain>.<purpose>, lower case',
  requireQuorumInProduction: true,
  requireDeadLetterExchange: true,
};

function context(input: Record<string, unknown>, isDryRun = false) {
  // createMockActionContext does not pass isDryRun through.
  return { ...createMockActionContext({ input: input as any }), isDryRun };
}

describe('interchange:rabbitmq:declare-queue without a broker', () => {
  // Nothing listens on port 1: a rule error proves the broker was never asked.
  const brokers = new RabbitMQBrokers([
    testRabbitMQBroker({
      id: 'local',
      managementUrl: 'http://127.0.0.1:1',
      policy,
    }),
  ]);
  afterAll(() => brokers.close());
  const action = createRabbitMQDeclareQueueAction({ brokers });

  it("lists every broken rule of RabbitMQ and of the broker's policy at once", async () => {
    const ctx = context({
      broker: 'local',
      name: 'Billing_Invoices',
      queueType: 'classic',
      lifecycle: 'production',
      arguments: { 'x-message-ttl': '60000' },
    });
    const error = await action.handler(ctx).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      [
        'Queue Billing_Invoices breaks the rules of broker local:',
        'arguments.x-message-ttl: must be an integer (got "60000"); RabbitMQ refuses other types with PRECONDITION_FAILED. Fix: set x-message-ttl to how long a message may stay in the queue, in milliseconds, e.g. 60000',
        "name: 'Billing_Invoices' does not follow the naming rule of broker local. Fix: use a name like <domain>.<purpose>, lower case",
        'queueType: is classic, but broker local requires quorum queues in production (they are replicated and survive a node failure). Fix: use queueType: quorum',
        'deadLetterExchange: is required on broker local: rejected and expired messages must go somewhere. Fix: name the exchange dead-lettered messages go to, e.g. dead-letters',
      ].join('\n'),
    );
  });

  it('refuses a non-durable quorum queue', async () => {
    await expect(
      action.handler(
        context({
          broker: 'local',
          name: 'billing.invoices',
          queueType: 'quorum',
          durable: false,
          deadLetterExchange: 'dead-letters',
        }),
      ),
    ).rejects.toThrow(
      /durable: is false, but quorum queues are always durable/,
    );
  });

  it('names the configured brokers for an unknown one', async () => {
    await expect(
      action.handler(context({ broker: 'prod', name: 'a.b' })),
    ).rejects.toThrow(
      "RabbitMQ broker 'prod' is not configured; configured brokers: 'local'",
    );
  });
});

describeRabbitMQ(
  'interchange:rabbitmq:declare-queue against a real broker',
  () => {
    let vhost: Awaited<ReturnType<typeof createTestVhost>>;
    let brokers: RabbitMQBrokers;
    let action: ReturnType<typeof createRabbitMQDeclareQueueAction>;
    const input = () => ({
      broker: 'local',
      vhost: vhost.name,
      name: 'billing.invoices',
      queueType: 'quorum',
      lifecycle: 'production',
      bindings: [
        { exchange: 'rabbitmqexchange:orders', routingKey: 'order.placed' },
      ],
      deadLetterExchange: 'dead-letters',
      arguments: { 'x-delivery-limit': 5 },
    });
    const queuesOnBroker = async () =>
      (
        await rabbitmqctl(
          'list_queues',
          '-p',
          vhost.name,
          '-q',
          '--no-table-headers',
          'name',
          'type',
          'durable',
          'arguments',
        )
      ).trim();

    beforeAll(async () => {
      vhost = await createTestVhost('declare');
      await vhost.declareExchange('orders', 'topic');
      await vhost.declareExchange('dead-letters', 'fanout');
      brokers = new RabbitMQBrokers([
        testRabbitMQBroker({ id: 'local', policy }),
      ]);
      action = createRabbitMQDeclareQueueAction({ brokers });
    });
    afterAll(async () => {
      brokers?.close();
      await vhost?.remove();
    });

    it('a dry run checks everything and declares nothing', async () => {
      const ctx = context(input(), true);
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('created', false);
      expect(await queuesOnBroker()).toBe('');
    });

    it('refuses bindings to exchanges that are not on the broker', async () => {
      await expect(
        action.handler(
          context({
            ...input(),
            bindings: [{ exchange: 'ordres', routingKey: '#' }],
          }),
        ),
      ).rejects.toThrow(
        `Exchange ordres does not exist in vhost ${vhost.name} on broker local; declare it first`,
      );
    });

    it('declares the queue with its bindings and dead-lettering', async () => {
      const ctx = context(input());
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('created', true);
      expect(await queuesOnBroker()).toBe(
        'billing.invoices\tquorum\ttrue\t[{"x-dead-letter-exchange","dead-letters"},{"x-delivery-limit",5},{"x-queue-type","quorum"}]',
      );
      const bindings = await rabbitmqctl(
        'list_bindings',
        '-p',
        vhost.name,
        '-q',
        '--no-table-headers',
        'source_name',
        'destination_name',
        'routing_key',
      );
      expect(bindings).toContain('orders\tbilling.invoices\torder.placed');
    });

    it('succeeds without change when re-run with the same settings', async () => {
      const ctx = context(input());
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('created', false);
    });

    it('fails with the differences, and leaves the queue as it was, when settings differ', async () => {
      const before = await queuesOnBroker();
      await expect(
        action.handler(
          context({ ...input(), arguments: { 'x-delivery-limit': 10 } }),
        ),
      ).rejects.toThrow(
        `Queue billing.invoices already exists in vhost ${vhost.name} on broker local with other settings (arguments.x-delivery-limit: requested 10, on the broker 5). Interchange never alters an existing queue`,
      );
      expect(await queuesOnBroker()).toBe(before);
    });
  },
);
