import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { DatabaseCatalogProblemsStore } from '../database/DatabaseCatalogProblemsStore';
import { migrationsDir } from '../database/migrations';
import {
  PROBLEM_MAX_AGE_MS,
  scheduleCatalogProblemsPruning,
} from './catalogProblemsRetention';

jest.setTimeout(60_000);
const databases = createTestDatabases();

describe('scheduleCatalogProblemsPruning', () => {
  it('schedules a task that deletes problems no longer reported', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({
      directory: migrationsDir,
      tableName: 'interchange_knex_migrations',
    });
    const store = new DatabaseCatalogProblemsStore(knex);
    const now = Date.now();
    await store.record(
      { entityRef: 'kafkatopic:default/fixed', message: 'x' },
      new Date(now - PROBLEM_MAX_AGE_MS - 60_000),
    );
    await store.record(
      { entityRef: 'kafkatopic:default/broken', message: 'y' },
      new Date(now),
    );

    const scheduler = mockServices.scheduler.mock();
    const logger = mockServices.logger.mock();
    await scheduleCatalogProblemsPruning({ scheduler, logger, store });
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const task = scheduler.scheduleTask.mock
      .calls[0][0] as SchedulerServiceTaskInvocationDefinition;
    expect(task.id).toBe('interchange-catalog-problems-retention');

    await task.fn(new AbortController().signal);

    const rows = await knex('interchange_catalog_problems').select(
      'entity_ref',
    );
    expect(rows.map(r => r.entity_ref)).toEqual(['kafkatopic:default/broken']);
    expect(logger.info).toHaveBeenCalledWith(
      'Removed 1 catalog problems no longer reported',
    );
  });
});
