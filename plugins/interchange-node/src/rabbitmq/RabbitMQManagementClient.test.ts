import http from 'node:http';
import { AddressInfo } from 'node:net';
import amqp from 'amqplib';
import {
  createTestVhost,
  describeRabbitMQ,
  rabbitmqPrometheusUrl,
  rabbitmqUrl,
  testRabbitMQBroker,
  waitForApiToMatchRabbitmqctl,
} from '../testUtils/rabbitmq';

/**
 * The test broker's AMQP listener: INTERCHANGE_RABBITMQ_PORT as
 * scripts/rabbitmq/start.sh uses it (default 5673), guest on loopback.
 */
const amqpUrl = (vhost: string) =>
  `amqp://guest:guest@127.0.0.1:${
    process.env.INTERCHANGE_RABBITMQ_PORT ?? '5673'
  }/${encodeURIComponent(vhost)}`;
import {
  RabbitMQManagementClient,
  RabbitMQManagementError,
} from './RabbitMQManagementClient';

describeRabbitMQ('RabbitMQManagementClient (real broker)', () => {
  let vhost: Awaited<ReturnType<typeof createTestVhost>>;
  let consumer: amqp.ChannelModel | undefined;
  // A small page size, so listing 7 queues takes several pages.
  const client = new RabbitMQManagementClient(
    testRabbitMQBroker({ pageSize: 3 }),
  );

  beforeAll(async () => {
    vhost = await createTestVhost('client');
    await vhost.declareExchange('orders', 'topic');
    for (let i = 0; i < 7; i++) {
      await vhost.declareQueue(`q${i}`, {
        arguments: i === 0 ? { 'x-message-ttl': 60000 } : {},
      });
    }
    await vhost.declareQueue('quorum.q', {
      arguments: { 'x-queue-type': 'quorum' },
    });
    await vhost.bind('orders', 'q0', 'order.#');
    await vhost.publish('orders', 'order.placed', 4);
    await vhost.publish('', 'q1', 2);
    // A real consumer that takes 2 messages (prefetch) and never acks them:
    // 4 ready, 2 unacknowledged, 1 consumer.
    await vhost.declareQueue('busy');
    await vhost.publish('', 'busy', 6);
    consumer = await amqp.connect(amqpUrl(vhost.name));
    const channel = await consumer.createChannel();
    await channel.prefetch(2);
    await channel.consume('busy', () => undefined, { noAck: false });
  });

  afterAll(async () => {
    await consumer?.close();
    await vhost?.remove();
    client.close();
  });

  it('lists every queue of a vhost across pages, with the types and arguments', async () => {
    const queues = await client.listQueues(vhost.name);
    expect(queues.map(q => q.name).sort()).toEqual([
      'busy',
      'q0',
      'q1',
      'q2',
      'q3',
      'q4',
      'q5',
      'q6',
      'quorum.q',
    ]);
    const q0 = queues.find(q => q.name === 'q0')!;
    expect(q0).toMatchObject({
      vhost: vhost.name,
      type: 'classic',
      durable: true,
      arguments: { 'x-message-ttl': 60000 },
    });
    expect(queues.find(q => q.name === 'quorum.q')!.type).toBe('quorum');
  });

  const counts = (
    queues: Awaited<ReturnType<RabbitMQManagementClient['listQueues']>>,
  ) =>
    Object.fromEntries(
      queues.map(q => [
        q.name,
        {
          messagesReady: q.messagesReady!,
          messagesUnacknowledged: q.messagesUnacknowledged!,
          consumers: q.consumers!,
        },
      ]),
    );

  it('reads the depths and consumers rabbitmqctl reports, once the broker has emitted its stats', async () => {
    const { api, cli } = await waitForApiToMatchRabbitmqctl(
      vhost.name,
      async () => counts(await client.listQueues(vhost.name)),
    );
    expect(api).toEqual(cli);
    expect(cli.q0).toEqual({
      messagesReady: 4,
      messagesUnacknowledged: 0,
      consumers: 0,
    });
    expect(cli.q1).toMatchObject({ messagesReady: 2 });
    expect(cli.busy).toEqual({
      messagesReady: 4,
      messagesUnacknowledged: 2,
      consumers: 1,
    });
  }, 120_000);

  it("reads the same with sampling's depth listing (queue totals and the consumers list), across pages", async () => {
    const { api, cli } = await waitForApiToMatchRabbitmqctl(
      vhost.name,
      async () =>
        counts(await client.listQueues(vhost.name, { fields: 'depth' })),
    );
    expect(api).toEqual(cli);
    expect(cli.busy).toEqual({
      messagesReady: 4,
      messagesUnacknowledged: 2,
      consumers: 1,
    });
  }, 120_000);

  it("reads the API's cheap listing (live) with the counts rabbitmqctl prints and the queues' type, state and node, and the rates apart", async () => {
    const { api, cli } = await waitForApiToMatchRabbitmqctl(
      vhost.name,
      async () =>
        counts(await client.listQueues(vhost.name, { fields: 'live' })),
    );
    expect(api).toEqual(cli);
    const live = await client.listQueues(vhost.name, { fields: 'live' });
    expect(live.find(q => q.name === 'quorum.q')).toMatchObject({
      type: 'quorum',
      durable: true,
      state: 'running',
      node: expect.any(String),
    });
    // The cheap listing has no statistics: no rates, utilisation unknown.
    expect(live.every(q => q.publishRate === undefined)).toBe(true);
    expect(live.every(q => q.consumerUtilisation === null)).toBe(true);
    // The statistics listing has them, and no counts but messages_ready.
    const rates = await client.listQueues(vhost.name, { fields: 'rates' });
    expect(rates.map(q => q.name).sort()).toEqual(live.map(q => q.name).sort());
    const busy = rates.find(q => q.name === 'busy')!;
    expect(busy.messagesUnacknowledged).toBeUndefined();
    expect(busy.consumers).toBeUndefined();
    expect(typeof busy.publishRate).toBe('number');
  }, 120_000);

  // The Prometheus plugin's metrics are what each queue last emitted, so
  // they match rabbitmqctl once the queues have emitted their statistics.
  const describeWithPrometheus = rabbitmqPrometheusUrl
    ? describe
    : describe.skip;
  describeWithPrometheus('with prometheusUrl', () => {
    it("reads the counts rabbitmqctl prints from the per-queue metrics, for sampling's depth listing and the API's live one", async () => {
      const metrics = new RabbitMQManagementClient(
        testRabbitMQBroker({ prometheusUrls: [rabbitmqPrometheusUrl!] }),
      );
      try {
        const name = vhost.name;
        for (const fields of ['depth', 'live'] as const) {
          const { api, cli } = await waitForApiToMatchRabbitmqctl(
            name,
            async () => counts(await metrics.listQueues(name, { fields })),
          );
          expect(api).toEqual(cli);
          expect(cli.busy).toEqual({
            messagesReady: 4,
            messagesUnacknowledged: 2,
            consumers: 1,
          });
        }
        // All vhosts at once, with the type and node from the queue records.
        const all = await metrics.listQueues(undefined, { fields: 'live' });
        expect(
          all.find(q => q.vhost === vhost.name && q.name === 'quorum.q'),
        ).toMatchObject({
          type: 'quorum',
          durable: true,
          node: expect.any(String),
          messagesReady: 0,
          consumers: 0,
        });
      } finally {
        metrics.close();
      }
    }, 120_000);

    it('lists the queue records again only when a minute has passed or the metrics are about other queues', async () => {
      let now = 1_000_000;
      const metrics = new RabbitMQManagementClient(
        testRabbitMQBroker({ prometheusUrls: [rabbitmqPrometheusUrl!] }),
        { now: () => now },
      );
      const listings: string[] = [];
      const send = metrics.request.bind(metrics);
      metrics.request = ((method: any, path: string, body?: unknown) => {
        listings.push(path.replace(/\?.*/, ''));
        return send(method, path, body);
      }) as typeof metrics.request;
      const names = async () =>
        (await metrics.listQueues(vhost.name, { fields: 'live' }))
          .map(q => q.name)
          .sort();
      try {
        // Until every queue of the vhost has reported its metrics.
        await waitForApiToMatchRabbitmqctl(vhost.name, async () =>
          counts(await metrics.listQueues(vhost.name, { fields: 'live' })),
        );
        listings.length = 0;
        expect(await names()).toContain('busy');
        expect(listings).toEqual([]);
        // A queue declared since shows once it has reported its metrics
        // (the records are then listed again, once).
        await vhost.declareQueue('declared.later');
        const deadline = Date.now() + 60_000;
        while (
          !(await names()).includes('declared.later') &&
          Date.now() < deadline
        ) {
          await new Promise(r => setTimeout(r, 500));
        }
        expect(await names()).toContain('declared.later');
        expect(listings).toEqual([`/queues/${encodeURIComponent(vhost.name)}`]);
        // Once it has reported, no more listings, until a minute has passed.
        await waitForApiToMatchRabbitmqctl(vhost.name, async () =>
          counts(await metrics.listQueues(vhost.name, { fields: 'live' })),
        );
        listings.length = 0;
        await names();
        expect(listings).toEqual([]);
        now += 60_000;
        await names();
        expect(listings).toHaveLength(1);
        // A deleted queue is gone at once: so are its metrics.
        await vhost.deleteQueue('declared.later');
        expect(await names()).not.toContain('declared.later');
      } finally {
        metrics.close();
      }
    }, 120_000);

    it('reads the counts from the management API when the metrics lack a queue (a node not listed), and says so when it persists', async () => {
      const name = vhost.name;
      // The broker's real answer without the lines of one queue, as a node
      // of a cluster would answer for the queues it does not host.
      const real = new RabbitMQManagementClient(
        testRabbitMQBroker({ prometheusUrls: [rabbitmqPrometheusUrl!] }),
      );
      const [text] = await real.prometheusMetrics(
        `/metrics/detailed?vhost=${encodeURIComponent(
          name,
        )}&family=queue_coarse_metrics&family=queue_consumer_count`,
      );
      real.close();
      const partial = text
        .split('\n')
        .filter(line => !line.includes('queue="busy"'))
        .join('\n');
      const server = http.createServer((_req, res) => res.end(partial));
      await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as AddressInfo).port;
      let now = 1_000_000;
      const warnings: string[] = [];
      const metrics = new RabbitMQManagementClient(
        testRabbitMQBroker({ prometheusUrls: [`http://127.0.0.1:${port}`] }),
        { now: () => now, logger: { warn: m => warnings.push(m) } },
      );
      try {
        const { api, cli } = await waitForApiToMatchRabbitmqctl(
          name,
          async () =>
            counts(await metrics.listQueues(name, { fields: 'live' })),
        );
        expect(api).toEqual(cli);
        expect(api.busy).toEqual({
          messagesReady: 4,
          messagesUnacknowledged: 2,
          consumers: 1,
        });
        for (let i = 0; i < 3; i++) {
          now += 15_000;
          await metrics.listQueues(name, { fields: 'depth' });
        }
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(
          /the Prometheus metrics lack 1 of \d+ queues \(e\.g\. 'busy' in vhost .*on a node whose endpoint is not in prometheusUrl/,
        );
      } finally {
        metrics.close();
        server.close();
      }
    }, 120_000);

    it('reads the counts from the management API when the metrics cannot be read, says why, and keeps the broker reachable', async () => {
      const name = vhost.name;
      const expected = counts(
        await client.listQueues(name, { fields: 'depth' }),
      );
      for (const [prometheusUrl, why] of [
        // The management API answers a text request with 406.
        [
          rabbitmqUrl!,
          /Prometheus endpoint failed: .*GET \/metrics\/detailed: HTTP 40\d.*prometheusUrl must be the base URL of the rabbitmq_prometheus plugin/,
        ],
        [
          'http://127.0.0.1:1',
          /Prometheus endpoint failed: .*ECONNREFUSED.*\(check prometheusUrl\)/,
        ],
      ] as const) {
        const warnings: string[] = [];
        const wrong = new RabbitMQManagementClient(
          testRabbitMQBroker({ prometheusUrls: [prometheusUrl] }),
          { logger: { warn: m => warnings.push(m) } },
        );
        try {
          const got = counts(await wrong.listQueues(name, { fields: 'depth' }));
          expect(got).toEqual(expected);
          expect(warnings).toHaveLength(1);
          expect(warnings[0]).toMatch(why);
          expect(warnings[0]).not.toContain('guest');
          expect(wrong.unreachableSince()).toBeUndefined();
          // Within 15 s the totals are read without trying the metrics.
          await wrong.listQueues(name, { fields: 'depth' });
          expect(warnings).toHaveLength(1);
        } finally {
          wrong.close();
        }
      }
    });
  });

  it('lists in one request by default, with only the fields asked for', async () => {
    const single = new RabbitMQManagementClient(testRabbitMQBroker());
    const depth = await single.listQueues(vhost.name, { fields: 'depth' });
    single.close();
    expect(depth.map(q => q.name).sort()).toEqual(
      (await client.listQueues(vhost.name)).map(q => q.name).sort(),
    );
    // Depth only: no arguments were sent.
    expect(depth.every(q => Object.keys(q.arguments).length === 0)).toBe(true);
  });

  it('reads one queue with its bindings, and undefined for a missing one', async () => {
    expect(await client.getQueue(vhost.name, 'q0')).toMatchObject({
      name: 'q0',
      type: 'classic',
    });
    expect(await client.getQueue(vhost.name, 'missing')).toBeUndefined();
    const bindings = await client.queueBindings(vhost.name, 'q0');
    expect(
      bindings.map(b => `${b.source}>${b.destination}:${b.routingKey}`).sort(),
    ).toEqual(['>q0:q0', 'orders>q0:order.#']);
  });

  it('lists exchanges and bindings', async () => {
    const exchanges = await client.listExchanges(vhost.name);
    expect(exchanges.find(e => e.name === 'orders')).toMatchObject({
      type: 'topic',
      durable: true,
    });
    expect(exchanges.some(e => e.name === 'amq.topic')).toBe(true);
    const bindings = await client.listBindings(vhost.name);
    expect(
      bindings.filter(b => b.source === 'orders').map(b => b.destination),
    ).toEqual(['q0']);
  });

  it('says which broker refused and why, never the password', async () => {
    const bad = new RabbitMQManagementClient(
      testRabbitMQBroker({
        credentials: { username: 'guest', password: 'wrong-secret' },
      }),
    );
    const error = await bad.overview().catch(e => e);
    bad.close();
    expect(error).toBeInstanceOf(RabbitMQManagementError);
    expect(error.status).toBe(401);
    expect(error.message).toContain(
      "RabbitMQ broker 'test' GET /api/overview: HTTP 401",
    );
    expect(error.message).not.toContain('wrong-secret');
  });
});

describe('RabbitMQManagementClient timeouts', () => {
  it('gives up after requestTimeoutMs', async () => {
    const server = http.createServer(() => {
      // never answers
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const client = new RabbitMQManagementClient(
      testRabbitMQBroker({
        managementUrl: `http://127.0.0.1:${port}`,
        requestTimeoutMs: 200,
      }),
    );
    const error = await client.listQueues().catch(e => e);
    expect(error.message).toMatch(
      /^RabbitMQ broker 'test' unreachable since \d{4}-[\d-]+T[\d:.]+Z: GET \/api\/queues: no answer within 200 ms$/,
    );
    // The outage is dated once, from the first failure, until an answer.
    expect(error.unreachableSince).toBe(
      new Date(client.unreachableSince()!).toISOString(),
    );
    const again = await client.overview().catch(e => e);
    expect(again.unreachableSince).toBe(error.unreachableSince);
    client.close();
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  });
});
