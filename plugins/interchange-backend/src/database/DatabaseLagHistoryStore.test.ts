import {
  createTestDatabases,
  initMigrated,
} from '../__testUtils__/createTestDatabases';
import { DatabaseLagHistoryStore } from './DatabaseLagHistoryStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseLagHistoryStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await initMigrated(databases, databaseId);
      return new DatabaseLagHistoryStore(knex);
    }
    const sample = (timestamp: number, committed: number, logEnd: number) => ({
      timestamp,
      partitions: [
        {
          topic: 'orders',
          partition: 0,
          committedOffset: committed,
          logEndOffset: logEnd,
        },
      ],
    });

    it('returns the latest samples per group, oldest first, and the lag trend', async () => {
      const store = await createStore();
      for (let i = 0; i < 5; i++) {
        await store.add(
          'local',
          new Map([
            ['g1', sample(1000 * i, i, 10)],
            ['g2', sample(1000 * i, 0, i)],
          ]),
        );
      }
      await store.add('other', new Map([['g1', sample(99_000, 0, 1)]]));
      const recent = await store.recent('local', ['g1', 'g2', 'g3'], 3);
      expect([...recent.keys()]).toEqual(['g1', 'g2']);
      expect(recent.get('g1')!.map(s => s.timestamp)).toEqual([
        2000, 3000, 4000,
      ]);
      expect(recent.get('g1')![0].partitions).toEqual([
        { topic: 'orders', partition: 0, committedOffset: 2, logEndOffset: 10 },
      ]);
      expect(await store.trend('local', 'g1', 3000)).toEqual([
        { timestamp: 3000, totalLag: 7 },
        { timestamp: 4000, totalLag: 6 },
      ]);
    });

    it('prunes samples older than the retention', async () => {
      const store = await createStore();
      await store.add('local', new Map([['g', sample(1000, 0, 1)]]));
      await store.add('local', new Map([['g', sample(5000, 0, 1)]]));
      expect(await store.prune(3000)).toBe(1);
      expect(
        (await store.recent('local', ['g'], 10))
          .get('g')!
          .map(s => s.timestamp),
      ).toEqual([5000]);
    });

    it('stores many groups in one run', async () => {
      const store = await createStore();
      const many = new Map(
        Array.from({ length: 250 }, (_, i) => [`g${i}`, sample(1, 0, i)]),
      );
      await store.add('local', many);
      expect((await store.recent('local', [...many.keys()], 1)).size).toBe(250);
    });
  },
);
