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

    it('writes a burst in batches: each event once, a bad row fails alone', async () => {
      const store = await createStore();
      const burst = Array.from({ length: 450 }, (_, i) =>
        // Every third a retry of an earlier event, some in the same batch.
        inbound(`evt_${i % 300}`),
      );
      const bad = { ...inbound('evt_bad'), eventType: undefined } as any;
      const results = await Promise.allSettled([
        ...burst.map(d => store.addInbound(d)),
        store.addInbound(bad),
      ]);
      const fulfilled = results.flatMap(r =>
        r.status === 'fulfilled' ? [r.value] : [],
      );
      expect(fulfilled).toHaveLength(450);
      expect(fulfilled.filter(r => !r.duplicate)).toHaveLength(300);
      expect(results[450].status).toBe('rejected');
      expect(await store.count('webhook:default/in')).toBe(300);
      const ids = new Set(
        fulfilled.flatMap(r => (r.delivery ? [r.delivery.id] : [])),
      );
      expect(ids.size).toBe(300);
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

    it('clears payloads past their retention and keeps the rows', async () => {
      const store = await createStore();
      const old = await store.add({
        ...inbound('evt_old', 1000),
        direction: 'outbound',
        outcome: 'delivered',
        payload: '{"old":true}',
      });
      const recent = await store.add({
        ...inbound('evt_new', 5000),
        direction: 'outbound',
        outcome: 'delivered',
        payload: '{"new":true}',
      });
      expect(await store.prunePayloads(3000)).toBe(1);
      expect(await store.prunePayloads(3000)).toBe(0);
      expect((await store.get(old.id))?.payload).toBeUndefined();
      expect((await store.get(recent.id))?.payload).toBe('{"new":true}');
      expect(await store.count('webhook:default/in')).toBe(2);
    });

    it('gives every webhook its own latest attempts for health, however busy the others', async () => {
      const store = await createStore();
      const now = Date.now();
      await store.add({
        ...inbound('quiet', now - 3 * 3600_000),
        entityRef: 'webhook:default/quiet',
        direction: 'outbound',
        outcome: 'failed',
      });
      // More recent rows from a busy webhook than the health read once
      // looked at in all (the latest 10,000 of every webhook together).
      await Promise.all(
        Array.from({ length: 10_050 }, (_, i) =>
          store.addInbound({
            ...inbound(`busy_${i}`, now - i * 100),
            entityRef: 'webhook:default/busy',
          }),
        ),
      );
      const recent = await store.recentByEntity(50);
      expect(recent.get('webhook:default/busy')).toHaveLength(50);
      expect(recent.get('webhook:default/busy')![0].attemptedAt).toBe(now);
      expect(recent.get('webhook:default/quiet')).toEqual([
        expect.objectContaining({ outcome: 'failed' }),
      ]);
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
