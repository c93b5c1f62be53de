import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrateDatabase } from '../database/migrations';

/**
 * SQLite (dev) and PostgreSQL (production) for database tests. PostgreSQL
 * comes from BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, which
 * `scripts/test.sh` points at the cluster `scripts/postgres/start.sh` runs;
 * with INTERCHANGE_REQUIRE_POSTGRES set, a missing server fails the run
 * instead of quietly testing SQLite only.
 */
export function createTestDatabases(): TestDatabases {
  const ids: TestDatabaseId[] = ['SQLITE_3', 'POSTGRES_15'];
  if (
    process.env.INTERCHANGE_REQUIRE_POSTGRES &&
    !process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ) {
    throw new Error(
      'INTERCHANGE_REQUIRE_POSTGRES is set but BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not: start PostgreSQL with scripts/postgres/start.sh',
    );
  }
  return TestDatabases.create({ ids, disableDocker: true });
}

/**
 * One of `databases` with the plugin's tables, migrated by the code the
 * plugin runs at start-up.
 */
export async function initMigrated(
  databases: TestDatabases,
  id: TestDatabaseId,
): Promise<Knex> {
  const knex = await databases.init(id);
  return migrateDatabase({ getClient: async () => knex });
}
