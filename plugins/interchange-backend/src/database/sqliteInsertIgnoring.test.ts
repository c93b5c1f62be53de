import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { sqliteInsertIgnoring } from './sqliteInsertIgnoring';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe('sqliteInsertIgnoring', () => {
  async function sqlite() {
    const knex = await databases.init('SQLITE_3');
    await knex.schema.createTable('t', table => {
      table.string('id').primary();
      table.string('key').notNullable().unique();
      table.timestamp('at', { useTz: true });
      table.text('note');
      table.boolean('flag');
    });
    return knex;
  }

  it('inserts new rows, skips conflicting ones, and says which it wrote', async () => {
    const knex = await sqlite();
    const insert = sqliteInsertIgnoring(knex, 't', 'key')!;
    expect(await insert([{ id: 'a', key: 'k1' }])).toEqual([true]);
    // A conflict with a stored row and one within the same call.
    expect(
      await insert([
        { id: 'b', key: 'k1' },
        { id: 'c', key: 'k2' },
        { id: 'd', key: 'k2' },
      ]),
    ).toEqual([false, true, false]);
    expect(await knex('t').orderBy('id').pluck('id')).toEqual(['a', 'c']);
  });

  it('stores values exactly as knex does, so either path reads back the same', async () => {
    const knex = await sqlite();
    const at = new Date('2026-12-05T17:00:00.123Z');
    await knex('t').insert({
      id: 'by-knex',
      key: 'k1',
      at,
      note: undefined,
      flag: true,
    });
    const insert = sqliteInsertIgnoring(knex, 't', 'key')!;
    await insert([
      { id: 'by-helper', key: 'k2', at, note: undefined, flag: true },
    ]);
    const [byKnex, byHelper] = await knex('t')
      .orderBy('id')
      .select('at', 'note', 'flag');
    expect(byHelper).toEqual(byKnex);
    expect(byHelper).toEqual({ at: at.getTime(), note: null, flag: 1 });
  });

  it('writes all rows of a call or none: a failing row rolls the others back', async () => {
    const knex = await sqlite();
    const insert = sqliteInsertIgnoring(knex, 't', 'key')!;
    await expect(
      insert([
        { id: 'a', key: 'k1' },
        { id: 'b', key: null },
      ]),
      // better-sqlite3's SqliteError is not an Error to jest's toThrow.
    ).rejects.toMatchObject({
      message: 'NOT NULL constraint failed: t.key',
    });
    expect(await knex('t').count({ n: '*' })).toEqual([{ n: 0 }]);
    // The connection is back in the pool and usable.
    expect(await insert([{ id: 'a', key: 'k1' }])).toEqual([true]);
  });

  it('takes every column any row has, NULL where a row lacks it, as knex does', async () => {
    const knex = await sqlite();
    const insert = sqliteInsertIgnoring(knex, 't', 'key')!;
    await insert([
      { id: 'a', key: 'k1' },
      { id: 'b', key: 'k2', note: 'second' },
    ]);
    expect(await knex('t').orderBy('id').select('id', 'note')).toEqual([
      { id: 'a', note: null },
      { id: 'b', note: 'second' },
    ]);
  });

  it('waits for a knex transaction holding the connection', async () => {
    const knex = await sqlite();
    const insert = sqliteInsertIgnoring(knex, 't', 'key')!;
    let written: Promise<boolean[]> | undefined;
    await knex.transaction(async trx => {
      await trx('t').insert({ id: 'in-trx', key: 'k1' });
      written = insert([{ id: 'outside', key: 'k1' }]);
      // Still inside the transaction: the insert has not run.
      await new Promise(r => setTimeout(r, 50));
      expect(await trx('t').pluck('id')).toEqual(['in-trx']);
    });
    expect(await written).toEqual([false]);
  });

  // PostgreSQL when its test server is configured (scripts/test.sh does).
  const others = databases
    .eachSupportedId()
    .filter(([id]) => id !== 'SQLITE_3');
  if (others.length > 0) {
    it.each(others)('leaves %s to knex', async id => {
      const knex = await databases.init(id);
      expect(sqliteInsertIgnoring(knex, 't', 'id')).toBeUndefined();
    });
  }
});
