import { Knex } from 'knex';

/** The parts of a better-sqlite3 connection this file uses. */
interface BetterSqliteConnection {
  prepare(sql: string): { run(...params: unknown[]): { changes: number } };
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
}

type Insert = (rows: unknown[][]) => boolean[];

/**
 * `INSERT ... ON CONFLICT (<key>) DO NOTHING` of many rows on knex's
 * better-sqlite3 client, with the statement prepared once per connection
 * and the rows written in one transaction.
 *
 * Why not knex: SQLite runs inside the backend's own process, so its cost
 * is the caller's CPU. knex compiles the SQL and has better-sqlite3 prepare
 * it anew on every query, which was about 90 µs of a ~550 µs inbound
 * delivery in `yarn bench:webhooks`; a cached statement costs a few µs a
 * row.
 *
 * The connection comes from knex's own pool (SQLite's holds one), so this
 * waits for, and never interleaves with, knex's queries and transactions.
 * Values are bound as knex's better-sqlite3 client binds them (a Date as
 * its milliseconds, `undefined` as NULL), so rows read back the same
 * whichever path wrote them.
 *
 * Returns undefined for any other client; callers keep their knex query.
 */
export function sqliteInsertIgnoring(
  db: Knex,
  table: string,
  columns: readonly string[],
  conflictColumn: string,
): ((rows: unknown[][]) => Promise<boolean[]>) | undefined {
  const client = db.client as Knex.Client;
  if (client.driverName !== 'better-sqlite3') {
    return undefined;
  }
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const sql = `insert into ${quote(table)} (${columns
    .map(quote)
    .join(', ')}) values (${columns
    .map(() => '?')
    .join(', ')}) on conflict (${quote(conflictColumn)}) do nothing`;
  // Keyed by connection: the pool may replace a connection (after an
  // error, or an idle timeout), and a statement belongs to its connection.
  const prepared = new WeakMap<BetterSqliteConnection, Insert>();
  const insertOn = (connection: BetterSqliteConnection): Insert => {
    let insert = prepared.get(connection);
    if (!insert) {
      const statement = connection.prepare(sql);
      // better-sqlite3's transaction() commits when the function returns
      // and rolls back when it throws.
      insert = connection.transaction((rows: unknown[][]) =>
        rows.map(row => statement.run(row.map(bindable)).changes === 1),
      );
      prepared.set(connection, insert);
    }
    return insert;
  };
  return async rows => {
    const connection: BetterSqliteConnection =
      await client.acquireConnection();
    try {
      return insertOn(connection)(rows);
    } finally {
      await client.releaseConnection(connection);
    }
  };
}

function bindable(value: unknown): unknown {
  if (value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value.valueOf();
  }
  if (typeof value === 'boolean') {
    return Number(value);
  }
  return value;
}
