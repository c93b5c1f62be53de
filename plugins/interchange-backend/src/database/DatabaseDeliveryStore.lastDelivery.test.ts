import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { NewDelivery } from '../webhooks/DeliveryStore';
import { DatabaseDeliveryStore } from './DatabaseDeliveryStore';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const delivery = (
  entityRef: string,
  eventId: string,
  attemptedAt: number,
  direction: 'inbound' | 'outbound',
): NewDelivery => ({
  entityRef,
  direction,
  eventId,
  eventType: 'order.shipped',
  attemptedAt,
  durationMs: 3,
  statusCode: direction === 'inbound' ? 202 : 500,
  outcome: direction === 'inbound' ? 'received' : 'failed',
});

describe.each(databases.eachSupportedId())(
  'DatabaseDeliveryStore.lastDeliveryByEntity on %s',
  id => {
    it('answers the newest attempt per webhook, inbound and outbound, failed ones too', async () => {
      const knex = await databases.init(id);
      await knex.migrate.latest({
        directory: migrationsDir,
        tableName: 'interchange_knex_migrations',
      });
      const store = new DatabaseDeliveryStore(knex);
      expect(await store.lastDeliveryByEntity()).toEqual(new Map());
      const t = Date.parse('2026-11-01T10:00:00.000Z');
      await store.add(delivery('webhook:default/out', 'a', t, 'outbound'));
      await store.add(
        delivery('webhook:default/out', 'b', t + 60_000, 'outbound'),
      );
      await store.addInbound(
        delivery('webhook:default/in', 'c', t + 5_000, 'inbound'),
      );
      await store.addInbound(delivery('webhook:default/in', 'd', t, 'inbound'));
      expect(await store.lastDeliveryByEntity()).toEqual(
        new Map([
          ['webhook:default/out', t + 60_000],
          ['webhook:default/in', t + 5_000],
        ]),
      );
      // Pruned past retention: only what is still retained counts.
      await store.prune(t + 10_000);
      expect(await store.lastDeliveryByEntity()).toEqual(
        new Map([['webhook:default/out', t + 60_000]]),
      );
    });
  },
);
