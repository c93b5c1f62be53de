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
 * delivery in `yarn bench:webhooks`; with a cached statement a row costs
 * about 20 µs, SQLite's own work.
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
  conflictColumn: string,
): ((rows: Array<Record<string, unknown>>) => Promise<boolean[]>) | undefined {
  const client = db.client as Knex.Client;
  if (client.driverName !== 'better-sqlite3') {
    return undefined;
  }
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  // Keyed by connection (the pool may replace one after an error or an
  // idle timeout, and a statement belongs to its connection), then by the
  // rows' columns.
  const prepared = new WeakMap<BetterSqliteConnection, Map<string, Insert>>();
  const insertOn = (
    connection: BetterSqliteConnection,
    columns: string[],
  ): Insert => {
    let byColumns = prepared.get(connection);
    if (!byColumns) {
      byColumns = new Map();
      prepared.set(connection, byColumns);
    }
    const key = columns.join('\n');
    let insert = byColumns.get(key);
    if (!insert) {
      const statement = connection.prepare(
        `insert into ${quote(table)} (${columns
          .map(quote)
          .join(', ')}) values (${columns
          .map(() => '?')
          .join(', ')}) on conflict (${quote(conflictColumn)}) do nothing`,
      );
      // better-sqlite3's transaction() commits when the function returns
      // and rolls back when it throws.
      insert = connection.transaction((rows: unknown[][]) =>
        rows.map(row => statement.run(row).changes === 1),
      );
      byColumns.set(key, insert);
    }
    return insert;
  };
  return async rows => {
    const columns = columnsOf(rows);
    const values = rows.map(row => columns.map(c => bindable(row[c])));
    const connection: BetterSqliteConnection = await client.acquireConnection();
    try {
      return insertOn(connection, columns)(values);
    } finally {
      await client.releaseConnection(connection);
    }
  };
}

/**
 * Every column any row has, as knex's multi-row insert takes them (a
 * column a row lacks is NULL there).
 */
function columnsOf(rows: Array<Record<string, unknown>>): string[] {
  const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
  const known = new Set(columns);
  for (const row of rows) {
    for (const column of Object.keys(row)) {
      if (!known.has(column)) {
        known.add(column);
        columns.push(column);
      }
    }
  }
  return columns;
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
