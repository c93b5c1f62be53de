import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { DatabaseDeliveryStore } from './DatabaseDeliveryStore';
import { DatabaseLagHistoryStore } from './DatabaseLagHistoryStore';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const config = {
  directory: migrationsDir,
  tableName: 'interchange_knex_migrations',
};

// Every table the migrations create, sorted; the test also checks that the
// database holds no other interchange_ table, so a new migration's table
// must be added here.
const TABLES = [
  'interchange_activity_watch',
  'interchange_catalog_problems',
  'interchange_check_findings',
  'interchange_check_runs',
  'interchange_depth_samples',
  'interchange_kafka_lag_samples',
  'interchange_notification_states',
  'interchange_secret_links',
  'interchange_strategy_snapshots',
  'interchange_webhook_deliveries',
];

async function migrationNames(knex: Knex): Promise<string[]> {
  const [done, pending]: [Array<{ name: string }>, Array<{ file: string }>] =
    await knex.migrate.list(config);
  return [...done.map(m => m.name), ...pending.map(m => m.file)].sort();
}

async function existingTables(knex: Knex): Promise<string[]> {
  const found: string[] = [];
  for (const table of TABLES) {
    if (await knex.schema.hasTable(table)) {
      found.push(table);
    }
  }
  return found;
}

/** Every interchange_ table in the database but knex's own bookkeeping. */
async function allInterchangeTables(
  knex: Knex,
  databaseId: string,
): Promise<string[]> {
  const rows: Array<{ name: string }> = databaseId.startsWith('POSTGRES')
    ? await knex
        .select('tablename as name')
        .from('pg_tables')
        .whereRaw('schemaname = current_schema()')
    : await knex.select('name').from('sqlite_master').where({ type: 'table' });
  return rows
    .map(r => r.name)
    .filter(
      n => n.startsWith('interchange_') && !n.startsWith(config.tableName),
    )
    .sort();
}

/** Migrates up to and including the migration whose name starts with `prefix`. */
async function migrateUpTo(knex: Knex, prefix: string) {
  for (const name of await migrationNames(knex)) {
    await knex.migrate.up({ ...config, name });
    if (name.startsWith(prefix)) {
      return;
    }
  }
  throw new Error(`No migration named ${prefix}*`);
}

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('applies every migration one by one, then rolls each back', async () => {
    const knex = await databases.init(databaseId);
    const names = await migrationNames(knex);
    expect(names.length).toBeGreaterThanOrEqual(4);

    for (const name of names) {
      await knex.migrate.up({ ...config, name });
      expect(await knex.migrate.currentVersion(config)).toBe(
        name.split('_')[0],
      );
    }
    expect(await existingTables(knex)).toEqual(TABLES);
    expect(await allInterchangeTables(knex, databaseId)).toEqual(TABLES);
    // Applying again is a no-op.
    await knex.migrate.latest(config);

    for (const name of [...names].reverse()) {
      expect(await knex.migrate.currentVersion(config)).toBe(
        name.split('_')[0],
      );
      await knex.migrate.down(config);
    }
    expect(await knex.migrate.currentVersion(config)).toBe('none');
    expect(await existingTables(knex)).toEqual([]);

    // And up again from nothing, as after a full rollback.
    await knex.migrate.latest(config);
    expect(await existingTables(knex)).toEqual(TABLES);
  });

  it('converts millisecond times to timestamptz and back without loss', async () => {
    const knex = await databases.init(databaseId);
    await migrateUpTo(knex, '20261125140000');

    // Rows as the stores wrote them before the conversion: bigint ms,
    // with milliseconds that a float division could round.
    const times = [1764930000123, 1764930000999, 1, 4102444800007];
    await knex('interchange_kafka_lag_samples').insert(
      times.map((t, i) => ({
        cluster: 'local',
        group_id: `g${i}`,
        sampled_at: t,
        total_lag: 3,
        partitions: JSON.stringify([['orders', 0, 7, 10]]),
      })),
    );
    await knex('interchange_webhook_deliveries').insert(
      times.map((t, i) => ({
        id: `d${i}`,
        entity_ref: 'webhook:default/w',
        direction: 'inbound',
        event_id: `evt_${i}`,
        event_type: 'order.shipped',
        attempted_at: t,
        duration_ms: 2,
        outcome: 'received',
        dedup_key: `webhook:default/w|evt_${i}`,
      })),
    );

    await migrateUpTo(knex, '20261205120000');

    const history = new DatabaseLagHistoryStore(knex);
    const recent = await history.recent(
      'local',
      times.map((_, i) => `g${i}`),
      5,
    );
    expect(times.map((_, i) => recent.get(`g${i}`)![0].timestamp)).toEqual(
      times,
    );
    expect(await history.trend('local', 'g0', times[0])).toEqual([
      { timestamp: times[0], totalLag: 3 },
    ]);

    const deliveries = new DatabaseDeliveryStore(knex);
    const listed = await deliveries.list('webhook:default/w');
    expect(listed.map(d => d.attemptedAt)).toEqual(
      [...times].sort((a, b) => b - a),
    );
    // The dedup index survived the conversion.
    expect(
      await deliveries.addInbound({
        entityRef: 'webhook:default/w',
        direction: 'inbound',
        eventId: 'evt_0',
        eventType: 'order.shipped',
        attemptedAt: Date.now(),
        durationMs: 1,
        outcome: 'received',
      }),
    ).toEqual({ duplicate: true });

    // SQLite has no date type; knex declares timestamps there as datetime.
    const timeType = databaseId.startsWith('POSTGRES')
      ? 'timestamp with time zone'
      : 'datetime';
    expect(
      await knex('interchange_kafka_lag_samples').columnInfo('sampled_at'),
    ).toMatchObject({ type: timeType, nullable: false });
    expect(
      await knex('interchange_webhook_deliveries').columnInfo('attempted_at'),
    ).toMatchObject({ type: timeType, nullable: false });

    await knex.migrate.down(config);
    const back = await knex('interchange_kafka_lag_samples')
      .select('sampled_at')
      .orderBy('group_id');
    expect(back.map(r => Number(r.sampled_at))).toEqual(times);
    const backDeliveries = await knex('interchange_webhook_deliveries')
      .select('attempted_at')
      .orderBy('id');
    expect(backDeliveries.map(r => Number(r.attempted_at))).toEqual(times);
  });
});
