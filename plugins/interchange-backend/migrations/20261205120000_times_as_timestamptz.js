// @ts-check

/**
 * One way to store a point in time: `timestamptz`.
 *
 * `interchange_catalog_problems` stored its times as `timestamptz`, the lag
 * samples and the webhook deliveries as bigint milliseconds since the epoch.
 * `timestamptz` wins because it is what Backstage's own stores use (catalog,
 * scheduler, notifications), so a database operator reads our tables like
 * theirs (`where attempted_at > now() - interval '1 day'`), and because the
 * stores then hand knex a `Date` for every time, whatever the table.
 *
 * No value is lost either way:
 * - PostgreSQL converts in place: `epoch + n milliseconds` is exact integer
 *   interval arithmetic (no float division), and `timestamptz` keeps
 *   microseconds, finer than the milliseconds stored. Indexes on the columns
 *   are rebuilt by the `ALTER`.
 * - SQLite has no date type: knex's better-sqlite3 driver writes a `Date` as
 *   its milliseconds since the epoch, which is exactly what these columns
 *   hold already. Only the declared type changes (knex rebuilds the table,
 *   copying every row and recreating its indexes).
 *
 * `down` converts back to bigint milliseconds, exactly.
 */

/**
 * The columns, with their comments after and before (PostgreSQL only; the
 * comments are constants because COMMENT ON takes no bound parameters).
 *
 * @type {Array<{ table: string, column: string, comment: string, oldComment: string }>}
 */
const COLUMNS = [
  {
    table: 'interchange_kafka_lag_samples',
    column: 'sampled_at',
    comment: 'When the offsets were read',
    oldComment: 'Milliseconds since the epoch',
  },
  {
    table: 'interchange_webhook_deliveries',
    column: 'attempted_at',
    comment: 'When the attempt started',
    oldComment: 'ms since epoch',
  },
];

/** @param {import('knex').Knex} knex */
function dialectOf(knex) {
  const client = String(knex.client.config.client);
  if (client === 'pg' || client.includes('postgres')) {
    return 'pg';
  }
  if (client.includes('sqlite')) {
    return 'sqlite';
  }
  throw new Error(
    `Interchange's migration 20261205120000_times_as_timestamptz supports PostgreSQL and SQLite, not the database client '${client}': set backend.database.client to 'pg' or 'better-sqlite3'`,
  );
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  const dialect = dialectOf(knex);
  for (const { table, column, comment } of COLUMNS) {
    if (dialect === 'pg') {
      await knex.raw(
        `ALTER TABLE ?? ALTER COLUMN ?? TYPE timestamptz USING timestamptz 'epoch' + ?? * interval '1 millisecond'`,
        [table, column, column],
      );
      await knex.raw(`COMMENT ON COLUMN ??.?? IS '${comment}'`, [
        table,
        column,
      ]);
    } else {
      await knex.schema.alterTable(table, t => {
        t.timestamp(column, { useTz: true }).notNullable().alter();
      });
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const dialect = dialectOf(knex);
  for (const { table, column, oldComment } of COLUMNS) {
    if (dialect === 'pg') {
      await knex.raw(
        `ALTER TABLE ?? ALTER COLUMN ?? TYPE bigint USING round(extract(epoch from ??) * 1000)::bigint`,
        [table, column, column],
      );
      await knex.raw(`COMMENT ON COLUMN ??.?? IS '${oldComment}'`, [
        table,
        column,
      ]);
    } else {
      await knex.schema.alterTable(table, t => {
        t.bigInteger(column).notNullable().alter();
      });
    }
  }
};
