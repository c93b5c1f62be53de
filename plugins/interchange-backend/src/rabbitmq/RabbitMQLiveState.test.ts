import { RabbitMQBrokers } from '@interchange/plugin-interchange-node';
import {
  createTestVhost,
  describeRabbitMQ,
  testRabbitMQBroker,
} from '@interchange/plugin-interchange-node/testUtils';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { DatabaseDepthHistoryStore } from '../database/DatabaseDepthHistoryStore';
import { migrationsDir } from '../database/migrations';
import { RabbitMQLiveState } from './RabbitMQLiveState';

jest.setTimeout(60_000);
const databases = createTestDatabases();

/** Which listing a management API request is. */
function kind(path: string): string {
  if (path.startsWith('/consumers')) {
    return 'consumers';
  }
  if (path.startsWith('/queues?') || path.startsWith('/queues/')) {
    return path.includes('disable_stats=true') ? 'totals' : 'statistics';
  }
  return path;
}

describeRabbitMQ('RabbitMQLiveState against a real broker', () => {
  let vhost: Awaited<ReturnType<typeof createTestVhost>>;
  let history: DatabaseDepthHistoryStore;

  beforeAll(async () => {
    vhost = await createTestVhost('livestate');
    await vhost.declareQueue('jobs');
    await vhost.publish('', 'jobs', 2);
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({
      directory: migrationsDir,
      tableName: 'interchange_knex_migrations',
    });
    history = new DatabaseDepthHistoryStore(knex);
  });

  afterAll(async () => {
    await vhost?.remove();
  });

  /** A live state over its own client, recording the requests it sends. */
  function liveState(ratesMaxAgeMs: number) {
    const brokers = new RabbitMQBrokers([testRabbitMQBroker({ id: 'local' })]);
    const client = brokers.client('local');
    const send = client.request.bind(client);
    const sent: string[] = [];
    client.request = ((method, path, body) => {
      sent.push(kind(path));
      return send(method, path, body);
    }) as typeof client.request;
    return {
      live: new RabbitMQLiveState(brokers, history, { ratesMaxAgeMs }),
      sent,
      close: () => brokers.close(),
    };
  }

  it('reads the statistics (rates) once per sample, and a queue list between samples costs the cheap listing only', async () => {
    const { live, sent, close } = liveState(60_000);
    try {
      await live.sample('local', Date.now());
      expect(sent.sort()).toEqual(['consumers', 'statistics', 'totals']);
      sent.length = 0;
      const first = await live.listQueues('local', vhost.name);
      await live.listQueues('local', vhost.name);
      expect(sent.sort()).toEqual([
        'consumers',
        'consumers',
        'totals',
        'totals',
      ]);
      expect(first.find(q => q.name === 'jobs')).toMatchObject({
        vhost: vhost.name,
        type: 'classic',
        statsPending: false,
      });
    } finally {
      close();
    }
  });

  it('reads the statistics itself when the last read is older than one interval (a replica that does not sample), once for concurrent requests', async () => {
    const { live, sent, close } = liveState(0);
    try {
      await Promise.all([
        live.listQueues('local', vhost.name),
        live.listQueues('local', vhost.name),
      ]);
      expect(sent.filter(k => k === 'statistics')).toHaveLength(1);
      expect(sent.filter(k => k === 'totals')).toHaveLength(2);
    } finally {
      close();
    }
  });
});
