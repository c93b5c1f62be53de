import {
  createTestDatabases,
  initMigrated,
} from '../__testUtils__/createTestDatabases';
import { DatabaseActivityWatchStore } from './DatabaseActivityWatchStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseActivityWatchStore on %s',
  id => {
    it('keeps the time a subject was first seen as it is, restarts on a change, forgets the gone', async () => {
      const knex = await initMigrated(databases, id);
      const store = new DatabaseActivityWatchStore(knex);
      const t0 = new Date('2026-11-01T00:00:00.000Z');
      const t1 = new Date('2026-11-02T00:00:00.000Z');
      const t2 = new Date('2026-11-03T00:00:00.000Z');
      expect(
        await store.observe(
          new Map([
            ['kafkatopic:default/a', '10'],
            ['webhook:default/w', 'none'],
          ]),
          t0,
        ),
      ).toEqual(
        new Map([
          ['kafkatopic:default/a', t0],
          ['webhook:default/w', t0],
        ]),
      );
      // a got a message (its end offsets moved); w still has none.
      expect(
        await store.observe(
          new Map([
            ['kafkatopic:default/a', '11'],
            ['webhook:default/w', 'none'],
          ]),
          t1,
        ),
      ).toEqual(
        new Map([
          ['kafkatopic:default/a', t1],
          ['webhook:default/w', t0],
        ]),
      );
      // Unreadable this time (cluster down): a's watch goes on.
      await store.observe(new Map(), t2, new Set(['kafkatopic:default/a']));
      // w left the catalog: forgotten, so it starts afresh if it comes back.
      await store.observe(new Map([['kafkatopic:default/a', '11']]), t2);
      expect(
        await store.observe(
          new Map([
            ['kafkatopic:default/a', '11'],
            ['webhook:default/w', 'none'],
          ]),
          t2,
        ),
      ).toEqual(
        new Map([
          ['kafkatopic:default/a', t1],
          ['webhook:default/w', t2],
        ]),
      );
    });

    it('watches thousands of subjects in one call', async () => {
      const knex = await initMigrated(databases, id);
      const store = new DatabaseActivityWatchStore(knex);
      const many = new Map(
        Array.from({ length: 3000 }, (_, i) => [
          `kafkatopic:default/t${i}`,
          '0',
        ]),
      );
      const now = new Date('2026-11-01T00:00:00.000Z');
      expect((await store.observe(many, now)).size).toBe(3000);
      await store.observe(new Map(), now);
      const [{ n }] = await knex('interchange_activity_watch').count({
        n: '*',
      });
      expect(Number(n)).toBe(0);
    });
  },
);
