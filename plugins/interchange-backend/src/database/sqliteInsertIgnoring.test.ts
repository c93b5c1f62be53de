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
    const insert = sqliteInsertIgnoring(knex, 't', ['id', 'key'], 'key')!;
    expect(await insert([['a', 'k1']])).toEqual([true]);
    // A conflict with a stored row and one within the same call.
    expect(
      await insert([
        ['b', 'k1'],
        ['c', 'k2'],
        ['d', 'k2'],
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
    const insert = sqliteInsertIgnoring(
      knex,
      't',
      ['id', 'key', 'at', 'note', 'flag'],
      'key',
    )!;
    await insert([['by-helper', 'k2', at, undefined, true]]);
    const [byKnex, byHelper] = await knex('t')
      .orderBy('id')
      .select('at', 'note', 'flag');
    expect(byHelper).toEqual(byKnex);
    expect(byHelper).toEqual({ at: at.getTime(), note: null, flag: 1 });
  });

  it('writes all rows of a call or none: a failing row rolls the others back', async () => {
    const knex = await sqlite();
    const insert = sqliteInsertIgnoring(knex, 't', ['id', 'key'], 'key')!;
    await expect(
      insert([
        ['a', 'k1'],
        ['b', null],
      ]),
      // better-sqlite3's SqliteError is not an Error to jest's toThrow.
    ).rejects.toMatchObject({
      message: 'NOT NULL constraint failed: t.key',
    });
    expect(await knex('t').count({ n: '*' })).toEqual([{ n: 0 }]);
    // The connection is back in the pool and usable.
    expect(await insert([['a', 'k1']])).toEqual([true]);
  });

  it('waits for a knex transaction holding the connection', async () => {
    const knex = await sqlite();
    const insert = sqliteInsertIgnoring(knex, 't', ['id', 'key'], 'key')!;
    let written: Promise<boolean[]> | undefined;
    await knex.transaction(async trx => {
      await trx('t').insert({ id: 'in-trx', key: 'k1' });
      written = insert([['outside', 'k1']]);
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
      expect(sqliteInsertIgnoring(knex, 't', ['id'], 'id')).toBeUndefined();
    });
  }
});
