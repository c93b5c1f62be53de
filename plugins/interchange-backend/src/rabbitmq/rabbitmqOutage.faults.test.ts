import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import {
  RabbitMQBrokers,
  rabbitmqBrokersServiceRef,
  RabbitMQManagementClient,
} from '@interchange/plugin-interchange-node';
import {
  captureScheduler,
  describeRabbitMQ,
  startPrivateRabbitMQNode,
  testRabbitMQBroker,
} from '@interchange/plugin-interchange-node/testUtils';
import { interchangePlugin } from '../plugin';

// A private node is started, stopped and started again: generous limits for
// a loaded 2-core machine.
jest.setTimeout(300_000);

const SAMPLING_TASK = 'interchange-kafka-lag-sampling';

async function admin(url: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${url}/api${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  }
}

/**
 * The registry's real clients, with a hook before `listQueues`: the test
 * stops the node there, inside a sampling run.
 */
class HookedBrokers extends RabbitMQBrokers {
  beforeListQueues?: () => Promise<void>;
  client(id: string): RabbitMQManagementClient {
    const real = super.client(id);
    return new Proxy(real, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (prop === 'listQueues') {
          return async (...args: Parameters<typeof real.listQueues>) => {
            const run = this.beforeListQueues;
            this.beforeListQueues = undefined;
            await run?.();
            return target.listQueues(...args);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

describeRabbitMQ('RabbitMQ live state when the node goes down', () => {
  let node: Awaited<ReturnType<typeof startPrivateRabbitMQNode>>;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let brokers: HookedBrokers;
  const schedulerOf = captureScheduler('interchange');
  const logger = mockServices.logger.mock();
  const queueUrl = '/api/interchange/rabbitmq/brokers/local/queues/%2F/jobs';

  const sample = () => schedulerOf.scheduler().triggerTask(SAMPLING_TASK);
  const history = async () =>
    (await request(backend.server).get(queueUrl).expect(200)).body.history as {
      timestamp: number;
      depth: number;
    }[];
  const warnings = () => logger.warn.mock.calls.map(c => String(c[0]));

  beforeAll(async () => {
    node = await startPrivateRabbitMQNode('rabbitmq-live-faults');
    await admin(node.managementUrl, 'PUT', '/queues/%2F/jobs', {
      durable: true,
    });
    brokers = new HookedBrokers([
      testRabbitMQBroker({
        id: 'local',
        managementUrl: node.managementUrl,
        dashboardUrl: node.managementUrl,
        requestTimeoutMs: 5_000,
      }),
    ]);
    backend = await startTestBackend({
      features: [
        interchangePlugin,
        schedulerOf.module,
        eventsServiceFactory,
        logger.factory,
        createServiceFactory({
          service: rabbitmqBrokersServiceRef,
          deps: {},
          factory: () => brokers,
        }),
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            interchange: {
              kafka: {
                lagSampling: { enabled: true, frequency: { minutes: 1 } },
              },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    brokers?.close();
    await node?.remove();
  });

  it('samples queue depths while the node answers', async () => {
    await sample();
    expect(await history()).toEqual([
      expect.objectContaining({ timestamp: expect.any(Number), depth: 0 }),
    ]);
  });

  it('logs a sampling run the node stopped in, and dates the outage', async () => {
    brokers.beforeListQueues = () => node.stop();
    await sample();
    expect(brokers.beforeListQueues).toBeUndefined(); // stopped mid-run
    expect(warnings()).toContainEqual(
      expect.stringMatching(
        /^Sampling of rabbitmq broker local failed: RabbitMQ broker 'local' unreachable since \S+Z: GET \/api\/queues: /,
      ),
    );
    expect(brokers.client('local').unreachableSince()).toBeDefined();
  });

  it('answers the live-state API with 503 "unreachable since <time>" and the cause while the node is down', async () => {
    const since = new Date(
      brokers.client('local').unreachableSince()!,
    ).toISOString();
    for (const url of [
      queueUrl,
      '/api/interchange/rabbitmq/brokers/local/queues',
    ]) {
      const res = await request(backend.server).get(url).expect(503);
      expect(res.body.error).toEqual({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(
          /^RabbitMQ broker 'local' unreachable since \S+Z: GET \/api\/queues.*: \S/,
        ),
        // Dated from the sampling run that first failed.
        unreachableSince: since,
      });
      expect(res.body.error.message).toContain(`unreachable since ${since}`);
      expect(JSON.stringify(res.body)).not.toContain('guest');
    }
  });

  it('resumes sampling and answers again once the node is back, with no sample from the failed run', async () => {
    await node.start();
    await sample();
    // One point before the outage, one after: none from the failed run.
    expect(await history()).toHaveLength(2);
    expect(brokers.client('local').unreachableSince()).toBeUndefined();
    const res = await request(backend.server)
      .get('/api/interchange/rabbitmq/brokers/local/queues')
      .expect(200);
    expect(res.body.items.map((q: { name: string }) => q.name)).toContain(
      'jobs',
    );
  });
});
