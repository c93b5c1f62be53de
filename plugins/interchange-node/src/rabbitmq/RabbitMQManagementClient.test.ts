import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  createTestVhost,
  describeRabbitMQ,
  rabbitmqctlListQueues,
  testRabbitMQBroker,
} from '../testUtils/rabbitmq';
import {
  RabbitMQManagementClient,
  RabbitMQManagementError,
} from './RabbitMQManagementClient';

describeRabbitMQ('RabbitMQManagementClient (real broker)', () => {
  let vhost: Awaited<ReturnType<typeof createTestVhost>>;
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
  });

  afterAll(async () => {
    await vhost?.remove();
    client.close();
  });

  it('lists every queue of a vhost across pages, with the types and arguments', async () => {
    const queues = await client.listQueues(vhost.name);
    expect(queues.map(q => q.name).sort()).toEqual([
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

  it('reads the depths rabbitmqctl reports, once the broker has emitted its stats', async () => {
    // The API serves stats collected every 5 s; the CLI reads live values.
    const deadline = Date.now() + 30_000;
    let api: Record<string, unknown> = {};
    let cli: Record<string, unknown> = {};
    while (Date.now() < deadline) {
      const queues = await client.listQueues(vhost.name);
      api = Object.fromEntries(
        queues.map(q => [
          q.name,
          {
            messagesReady: q.messagesReady,
            messagesUnacknowledged: q.messagesUnacknowledged,
            consumers: q.consumers,
          },
        ]),
      );
      cli = await rabbitmqctlListQueues(vhost.name);
      if (JSON.stringify(sorted(api)) === JSON.stringify(sorted(cli))) {
        break;
      }
      await new Promise(r => setTimeout(r, 1000));
    }
    expect(sorted(api)).toEqual(sorted(cli));
    expect(cli.q0).toEqual({
      messagesReady: 4,
      messagesUnacknowledged: 0,
      consumers: 0,
    });
    expect(cli.q1).toMatchObject({ messagesReady: 2 });
  }, 60_000);

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

function sorted(o: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
