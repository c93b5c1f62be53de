import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { NewDelivery } from '../webhooks/DeliveryStore';
import { DatabaseDeliveryStore } from './DatabaseDeliveryStore';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const inbound = (eventId: string, attemptedAt = Date.now()): NewDelivery => ({
  entityRef: 'webhook:default/in',
  direction: 'inbound',
  eventId,
  eventType: 'order.shipped',
  attemptedAt,
  durationMs: 3,
  statusCode: 202,
  outcome: 'received',
  payload: '{}',
});

describe.each(databases.eachSupportedId())(
  'DatabaseDeliveryStore on %s',
  id => {
    async function createStore() {
      const knex = await databases.init(id);
      await knex.migrate.latest({
        directory: migrationsDir,
        tableName: 'interchange_knex_migrations',
      });
      return new DatabaseDeliveryStore(knex);
    }

    it('records inbound events once, even when retries race', async () => {
      const store = await createStore();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.addInbound(inbound('evt_1'))),
      );
      expect(results.filter(r => !r.duplicate)).toHaveLength(1);
      expect(await store.count('webhook:default/in')).toBe(1);
    });

    it('keeps outbound attempts with their payload for redelivery, newest first', async () => {
      const store = await createStore();
      const first = await store.add({
        ...inbound('evt_a', 1000),
        direction: 'outbound',
        outcome: 'failed',
        error: 'the endpoint answered 500',
        requestHeaders: { 'webhook-id': 'evt_a' },
        payload: '{"a":1}',
      });
      await store.add({
        ...inbound('evt_a', 2000),
        direction: 'outbound',
        outcome: 'delivered',
        redeliveryOf: first.id,
      });
      const list = await store.list('webhook:default/in');
      expect(list.map(d => [d.eventId, d.outcome, d.redeliveryOf])).toEqual([
        ['evt_a', 'delivered', first.id],
        ['evt_a', 'failed', undefined],
      ]);
      expect(await store.get(first.id)).toMatchObject({
        payload: '{"a":1}',
        delivery: {
          requestHeaders: { 'webhook-id': 'evt_a' },
          attemptedAt: 1000,
        },
      });
    });

    it('prunes rows past retention', async () => {
      const store = await createStore();
      await store.addInbound(inbound('old', 1000));
      await store.addInbound(inbound('new', 5000));
      expect(await store.prune(3000)).toBe(1);
      expect(
        (await store.list('webhook:default/in')).map(d => d.eventId),
      ).toEqual(['new']);
    });
  },
);
