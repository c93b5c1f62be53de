import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createTestVhost,
  describeRabbitMQ,
  rabbitmqctlListQueues,
  rabbitmqPrometheusUrl,
  rabbitmqUrl,
  waitForApiToMatchRabbitmqctl,
} from '@interchange/plugin-interchange-node/testUtils';
import { interchangePlugin } from '../plugin';

jest.setTimeout(120_000);

describeRabbitMQ('/api/interchange/rabbitmq against a real broker', () => {
  let vhost: Awaited<ReturnType<typeof createTestVhost>>;
  let server: any;
  let denyServer: any;
  const backends: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    vhost = await createTestVhost('api');
    await vhost.declareExchange('notifications', 'topic');
    await vhost.declareQueue('email', {
      arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 5 },
    });
    await vhost.declareQueue('sms', { arguments: { 'x-message-ttl': 30000 } });
    await vhost.declareQueue('empty');
    await vhost.bind('notifications', 'email', 'email.#');
    await vhost.bind('notifications', 'sms', 'sms.#');
    await vhost.publish('notifications', 'email.welcome', 5);
    await vhost.publish('notifications', 'sms.code', 3);

    const entities = [
      {
        apiVersion: 'interchange.dev/v1alpha1',
        kind: 'RabbitMQQueue',
        metadata: { name: 'sms', namespace: 'default' },
        spec: {
          owner: 'team',
          broker: 'local',
          vhost: vhost.name,
          queueType: 'classic',
          bindings: [{ exchange: 'notifications', routingKey: 'sms.#' }],
          // The broker has 30000: drift.
          arguments: { 'x-message-ttl': 60000 },
        },
      },
      {
        apiVersion: 'interchange.dev/v1alpha1',
        kind: 'RabbitMQQueue',
        metadata: { name: 'not-declared', namespace: 'default' },
        spec: { owner: 'team', broker: 'local', vhost: vhost.name },
      },
    ];
    const config = {
      interchange: {
        kafka: { lagSampling: { enabled: false } },
        rabbitmq: {
          brokers: [
            {
              id: 'local',
              managementUrl: rabbitmqUrl,
              credentials: { username: 'guest', password: 'guest' },
            },
            {
              id: 'down',
              managementUrl: 'http://127.0.0.1:1',
              credentials: { username: 'u', password: 'never-shown' },
              requestTimeoutMs: 2000,
            },
            // The same broker, its counts read from the Prometheus plugin.
            ...(rabbitmqPrometheusUrl
              ? [
                  {
                    id: 'metrics',
                    managementUrl: rabbitmqUrl,
                    prometheusUrl: rabbitmqPrometheusUrl,
                    credentials: { username: 'guest', password: 'guest' },
                  },
                ]
              : []),
          ],
        },
      },
    };
    const common = [
      interchangePlugin,
      eventsServiceFactory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: config }),
    ];
    const main = await startTestBackend({ features: common });
    const deny = await startTestBackend({
      features: [
        ...common,
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    backends.push(main, deny);
    server = main.server;
    denyServer = deny.server;
  });

  afterAll(async () => {
    await Promise.all(backends.map(b => b.stop()));
    await vhost?.remove();
  });

  it('lists the brokers without credentials', async () => {
    const res = await request(server).get('/api/interchange/rabbitmq/brokers');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: 'local', title: 'local', dashboardUrl: rabbitmqUrl },
      { id: 'down', title: 'down', dashboardUrl: 'http://127.0.0.1:1' },
      ...(rabbitmqPrometheusUrl
        ? [{ id: 'metrics', title: 'metrics', dashboardUrl: rabbitmqUrl }]
        : []),
    ]);
    expect(JSON.stringify(res.body)).not.toContain('never-shown');
  });

  // 'metrics' reads the counts from the Prometheus plugin: what the
  // queues last emitted, so equal once they have emitted their statistics.
  const brokerIds = rabbitmqPrometheusUrl ? ['local', 'metrics'] : ['local'];
  it.each(brokerIds)(
    'shows the depths and consumers rabbitmqctl list_queues prints (broker %s)',
    async broker => {
      // The API reads the queues' own counts as rabbitmqctl does; a quorum
      // queue reports its counts at its next tick, so first wait until the
      // setup's messages show, then until both say the same, twice in a row.
      const ours = vhost.name;
      await waitForMessages(ours, { email: 5, sms: 3 });
      let body: any;
      const { api, cli } = await waitForApiToMatchRabbitmqctl(
        ours,
        async () => {
          const res = await request(server).get(
            `/api/interchange/rabbitmq/brokers/${broker}/queues`,
          );
          expect(res.status).toBe(200);
          body = res.body;
          return Object.fromEntries(
            body.items
              .filter((q: any) => q.vhost === ours)
              .map((q: any) => [
                q.name,
                {
                  messagesReady: q.messagesReady,
                  messagesUnacknowledged: q.messagesUnacknowledged,
                  consumers: q.consumers,
                },
              ]),
          );
        },
      );
      expect(api).toEqual(sortKeys(cli));
      expect(cli).toEqual({
        email: { messagesReady: 5, messagesUnacknowledged: 0, consumers: 0 },
        sms: { messagesReady: 3, messagesUnacknowledged: 0, consumers: 0 },
        empty: { messagesReady: 0, messagesUnacknowledged: 0, consumers: 0 },
      });
      const email = body.items.find(
        (q: any) => q.vhost === vhost.name && q.name === 'email',
      );
      expect(email).toMatchObject({
        type: 'quorum',
        status: 'STOPPED',
        statusReason: '5 messages waiting and no consumer attached',
        timeToDrainSeconds: null,
        statsPending: false,
      });
      expect(
        body.items.find(
          (q: any) => q.vhost === vhost.name && q.name === 'empty',
        ),
      ).toMatchObject({ status: 'OK', timeToDrainSeconds: 0 });
    },
  );

  it('shows one queue with bindings, drift against its entity and history', async () => {
    const res = await request(server).get(
      `/api/interchange/rabbitmq/brokers/local/queues/${encodeURIComponent(
        vhost.name,
      )}/sms`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      broker: { id: 'local' },
      exists: true,
      queue: { name: 'sms', type: 'classic' },
      arguments: { 'x-message-ttl': 30000 },
      bindings: [{ source: 'notifications', routingKey: 'sms.#' }],
      entityRef: 'rabbitmqqueue:default/sms',
      drift: [
        {
          field: 'arguments.x-message-ttl',
          declared: '60000',
          actual: '30000',
        },
      ],
      history: [],
    });
  });

  it('reports a declared queue missing on the broker as drift, and unknown queues as 404', async () => {
    const path = `/api/interchange/rabbitmq/brokers/local/queues/${encodeURIComponent(
      vhost.name,
    )}`;
    const missing = await request(server).get(`${path}/not-declared`);
    expect(missing.status).toBe(200);
    expect(missing.body).toMatchObject({
      exists: false,
      drift: [{ field: 'exists', declared: 'true', actual: 'false' }],
    });
    const unknown = await request(server).get(`${path}/nobody`);
    expect(unknown.status).toBe(404);
  });

  it('answers 404 for unknown brokers, 503 naming an unreachable one, 403 without permission', async () => {
    const unknown = await request(server).get(
      '/api/interchange/rabbitmq/brokers/nope/queues',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain(
      "RabbitMQ broker 'nope' is not configured",
    );
    const down = await request(server).get(
      '/api/interchange/rabbitmq/brokers/down/queues',
    );
    expect(down.status).toBe(503);
    expect(down.body.error.message).toContain("RabbitMQ broker 'down'");
    expect(JSON.stringify(down.body)).not.toContain('never-shown');
    const denied = await request(denyServer).get(
      '/api/interchange/rabbitmq/brokers',
    );
    expect(denied.status).toBe(403);
  });
});

/** Until rabbitmqctl shows these ready counts (a minute at most). */
async function waitForMessages(vhost: string, ready: Record<string, number>) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows = await rabbitmqctlListQueues(vhost);
    const landed = Object.entries(ready).every(
      ([queue, n]) => rows[queue]?.messagesReady === n,
    );
    if (landed || Date.now() > deadline) {
      return;
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

function sortKeys(o: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
