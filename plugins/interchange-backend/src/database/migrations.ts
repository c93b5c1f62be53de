import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@interchange/plugin-interchange-backend',
  'migrations',
);

/** Brings the plugin's tables up to date and returns the client. */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({
      directory: migrationsDir,
      tableName: 'interchange_knex_migrations',
    });
  }
  return client;
}

export { migrationsDir };
