import {
  createTestDatabases,
  initMigrated,
} from '../__testUtils__/createTestDatabases';
import { DatabaseStrategySnapshotStore } from './DatabaseStrategySnapshotStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const snap = (systems: number, keys: string[] = []) => ({
  version: 1 as const,
  counts: { systems },
  findingKeys: keys,
});

describe.each(databases.eachSupportedId())(
  'DatabaseStrategySnapshotStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await initMigrated(databases, databaseId);
      return new DatabaseStrategySnapshotStore(knex);
    }

    it('keeps one snapshot per day and finds the latest of an earlier day', async () => {
      const store = await createStore();
      expect(await store.latestBefore('2026-06-02')).toBeUndefined();
      await store.put('2026-05-30', snap(1), new Date('2026-05-30T08:00:00Z'));
      await store.put('2026-06-01', snap(2), new Date('2026-06-01T08:00:00Z'));
      // Later the same day: replaces that day's numbers.
      await store.put(
        '2026-06-01',
        snap(3, ['coupling/hub component:default/a']),
        new Date('2026-06-01T17:30:00Z'),
      );
      await store.put('2026-06-02', snap(4), new Date('2026-06-02T09:00:00Z'));

      expect(await store.latestBefore('2026-06-02')).toEqual({
        ...snap(3, ['coupling/hub component:default/a']),
        takenAt: '2026-06-01T17:30:00.000Z',
      });
      expect((await store.forDay('2026-06-02'))?.counts).toEqual({
        systems: 4,
      });
      expect(await store.forDay('2026-05-31')).toBeUndefined();
      expect(await store.pruneBefore('2026-06-01')).toBe(1);
      expect(await store.latestBefore('2026-06-01')).toBeUndefined();
    });
  },
);
