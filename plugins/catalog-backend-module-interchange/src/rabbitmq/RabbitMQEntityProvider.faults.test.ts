import { DeferredEntity } from '@backstage/plugin-catalog-node';
import {
  RabbitMQBrokers,
  RabbitMQManagementClient,
} from '@interchange/plugin-interchange-node';
import {
  describeRabbitMQ,
  startPrivateRabbitMQNode,
  testRabbitMQBroker,
} from '@interchange/plugin-interchange-node/testUtils';
import { expectOutageMidRunAppliesNothing } from '../__testUtils__/liveSourceOutage';
import { testRabbitMQProvider } from '../__testUtils__/liveSourceProviders';

// A private node is started, stopped and started again: generous limits for
// a loaded 2-core machine.
jest.setTimeout(300_000);

async function declare(url: string, path: string, body: unknown) {
  const res = await fetch(`${url}/api${path}`, {
    method: 'PUT',
    headers: {
      authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
  }
}

/**
 * The registry's real clients, with a hook before `listBindings`: the test
 * stops the node there, after the run has read the queues and exchanges.
 */
class HookedBrokers extends RabbitMQBrokers {
  beforeListBindings?: () => Promise<void>;
  client(id: string): RabbitMQManagementClient {
    const real = super.client(id);
    return new Proxy(real, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (prop === 'listBindings') {
          return async (vhost?: string) => {
            const run = this.beforeListBindings;
            this.beforeListBindings = undefined;
            await run?.();
            return target.listBindings(vhost);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

describeRabbitMQ(
  'RabbitMQEntityProvider when the RabbitMQ node goes down',
  () => {
    let node: Awaited<ReturnType<typeof startPrivateRabbitMQNode>>;

    beforeAll(async () => {
      node = await startPrivateRabbitMQNode('rabbitmq-provider-faults');
      await declare(node.managementUrl, '/exchanges/%2F/orders', {
        type: 'topic',
        durable: true,
      });
      await declare(node.managementUrl, '/queues/%2F/orders.invoicing', {
        durable: true,
      });
    });

    afterAll(async () => {
      await node?.remove();
    });

    it('removes no RabbitMQ entity when the node stops in the middle of a run, says since when, and catches up on the first run after it is back', async () => {
      const brokers = new HookedBrokers([
        testRabbitMQBroker({
          id: 'local',
          managementUrl: node.managementUrl,
          requestTimeoutMs: 5_000,
        }),
      ]);
      const {
        provider,
        connection,
        mutations: applied,
        logger,
      } = testRabbitMQProvider({
        brokers,
        vhosts: /^\/$/,
        exclude: /^amq\.|^$/,
      });
      await provider.connect(connection);
      const names = (mutation: DeferredEntity[]) =>
        mutation.map(d => `${d.entity.kind}:${d.entity.metadata.name}`).sort();

      try {
        expect(await provider.refresh()).toMatchObject({ applied: true });
        const before = names(applied[0]);
        expect(before).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^RabbitMQExchange:.*orders$/),
            expect.stringMatching(/^RabbitMQQueue:.*orders\.invoicing$/),
          ]),
        );

        // Queues and exchanges read, then the node stops before the bindings
        // are.
        await expectOutageMidRunAppliesNothing({
          provider,
          applied,
          logger,
          stopMidRun: () => {
            brokers.beforeListBindings = () => node.stop();
          },
          stoppedMidRun: () => brokers.beforeListBindings === undefined,
          reason:
            /^RabbitMQ broker 'local' unreachable since \S+Z: GET \/api\/bindings: /,
          warning:
            /^Not updating discovered exchanges and queues of RabbitMQ broker local: RabbitMQ broker 'local' unreachable since .*Existing entities are kept; the next run retries\.$/,
          unreachableSince: () => brokers.client('local').unreachableSince(),
        });

        // Back, with a queue declared meanwhile: the first run catches up.
        await node.start();
        await declare(node.managementUrl, '/queues/%2F/orders.refunds', {
          durable: true,
        });
        expect(await provider.refresh()).toMatchObject({ applied: true });
        expect(names(applied[1])).toEqual(
          expect.arrayContaining([
            ...before,
            expect.stringMatching(/^RabbitMQQueue:.*orders\.refunds$/),
          ]),
        );
        expect(applied[1]).toHaveLength(before.length + 1);
        expect(brokers.client('local').unreachableSince()).toBeUndefined();
      } finally {
        brokers.close();
      }
    });
  },
);
