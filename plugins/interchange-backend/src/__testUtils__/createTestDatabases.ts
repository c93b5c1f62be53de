import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

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
