import {
  createTestDatabases,
  initMigrated,
} from '../__testUtils__/createTestDatabases';
import { DatabaseCatalogProblemsStore } from './DatabaseCatalogProblemsStore';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseCatalogProblemsStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await initMigrated(databases, databaseId);
      return { knex, store: new DatabaseCatalogProblemsStore(knex) };
    }

    it('keeps the latest message per entity and its first sighting', async () => {
      const { store } = await createStore();
      const t0 = new Date('2026-11-25T10:00:00Z');
      const t1 = new Date('2026-11-25T10:02:00Z');
      await store.record(
        {
          entityRef: 'kafkatopic:default/a',
          location: 'file:/a.yaml',
          message: 'first',
        },
        t0,
      );
      await store.record(
        {
          entityRef: 'kafkatopic:default/a',
          location: 'file:/a.yaml',
          message: 'second',
        },
        t1,
      );
      await store.record(
        { entityRef: 'webhook:default/b', message: 'hook' },
        t1,
      );
      expect(await store.list({ maxAgeMs: 10 * 60_000, now: t1 })).toEqual([
        {
          entityRef: 'kafkatopic:default/a',
          location: 'file:/a.yaml',
          message: 'second',
          firstSeen: t0.toISOString(),
          lastSeen: t1.toISOString(),
        },
        {
          entityRef: 'webhook:default/b',
          message: 'hook',
          firstSeen: t1.toISOString(),
          lastSeen: t1.toISOString(),
        },
      ]);
    });

    it('hides problems no longer reported without deleting them on read, and prunes them', async () => {
      const { store, knex } = await createStore();
      const count = async () => {
        const [{ n }] = await knex('interchange_catalog_problems').count({
          n: '*',
        });
        return Number(n);
      };
      await store.record(
        { entityRef: 'kafkatopic:default/old', message: 'x' },
        new Date('2026-11-25T09:00:00Z'),
      );
      await store.record(
        { entityRef: 'kafkatopic:default/new', message: 'y' },
        new Date('2026-11-25T10:00:00Z'),
      );
      const listed = await store.list({
        maxAgeMs: 15 * 60_000,
        now: new Date('2026-11-25T10:05:00Z'),
      });
      expect(listed.map(p => p.entityRef)).toEqual(['kafkatopic:default/new']);
      expect(await count()).toBe(2);

      expect(await store.prune(new Date('2026-11-25T09:50:00Z'))).toBe(1);
      expect(await count()).toBe(1);
      expect(
        (
          await store.list({
            maxAgeMs: 24 * 3600_000,
            now: new Date('2026-11-25T10:05:00Z'),
          })
        ).map(p => p.entityRef),
      ).toEqual(['kafkatopic:default/new']);
    });

    it('migrates down cleanly', async () => {
      const { knex } = await createStore();
      await knex.migrate.rollback(
        { directory: migrationsDir, tableName: 'interchange_knex_migrations' },
        true,
      );
      expect(await knex.schema.hasTable('interchange_catalog_problems')).toBe(
        false,
      );
    });
  },
);
