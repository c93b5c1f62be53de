import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { CatalogProblemsStore } from './CatalogProblemsStore';

/**
 * The catalog reprocesses every entity every few minutes (100-150 s by
 * default); a problem not reported again for 15 minutes has been fixed or
 * its entity removed.
 */
export const PROBLEM_MAX_AGE_MS = 15 * 60 * 1000;

/**
 * Deletes problems no longer reported, on a schedule (one runner across
 * backend replicas). Listing already hides them, so this only bounds the
 * table; reads never write.
 */
export async function scheduleCatalogProblemsPruning(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  store: CatalogProblemsStore;
}): Promise<void> {
  const { scheduler, logger, store } = options;
  await scheduler.scheduleTask({
    id: 'interchange-catalog-problems-retention',
    frequency: { minutes: 15 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const removed = await store.prune(
        new Date(Date.now() - PROBLEM_MAX_AGE_MS),
      );
      if (removed) {
        logger.info(`Removed ${removed} catalog problems no longer reported`);
      }
    },
  });
}
