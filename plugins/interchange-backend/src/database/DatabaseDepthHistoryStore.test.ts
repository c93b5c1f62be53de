import {
  createTestDatabases,
  initMigrated,
} from '../__testUtils__/createTestDatabases';
import { DatabaseDepthHistoryStore } from './DatabaseDepthHistoryStore';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseDepthHistoryStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await initMigrated(databases, databaseId);
      return new DatabaseDepthHistoryStore(knex);
    }

    it('returns the latest points per destination, oldest first, and the trend', async () => {
      const store = await createStore();
      for (let i = 0; i < 5; i++) {
        await store.add('rabbitmq', 'local', 1000 * i, [
          { destination: '//a', depth: i, consumers: 1 },
          { destination: '//b', depth: 10 * i },
        ]);
      }
      await store.add('rabbitmq', 'other', 99_000, [
        { destination: '//a', depth: 7 },
      ]);
      await store.add('kafka', 'local', 99_000, [
        { destination: '//a', depth: 7 },
      ]);
      const recent = await store.recent(
        'rabbitmq',
        'local',
        ['//a', '//b', '//c'],
        3,
      );
      expect([...recent.keys()]).toEqual(['//a', '//b']);
      expect(recent.get('//b')).toEqual([
        { timestamp: 2000, depth: 20 },
        { timestamp: 3000, depth: 30 },
        { timestamp: 4000, depth: 40 },
      ]);
      expect(await store.trend('rabbitmq', 'local', '//a', 3000)).toEqual([
        { timestamp: 3000, depth: 3 },
        { timestamp: 4000, depth: 4 },
      ]);
    });

    it('prunes points older than the retention', async () => {
      const store = await createStore();
      await store.add('rabbitmq', 'local', 1000, [
        { destination: 'x', depth: 1 },
      ]);
      await store.add('rabbitmq', 'local', 5000, [
        { destination: 'x', depth: 2 },
      ]);
      expect(await store.prune(3000)).toBe(1);
      expect(await store.trend('rabbitmq', 'local', 'x', 0)).toEqual([
        { timestamp: 5000, depth: 2 },
      ]);
    });
  },
);
