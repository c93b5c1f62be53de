import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import {
  CheckLiveData,
  IntegrationGraph,
} from '@interchange/plugin-interchange-common';
import { ChecksStore } from './ChecksStore';
import { ChecksSettings } from './checksSettings';
import { computeChecks } from './computeChecks';
import { IntegrationGraphCache } from './IntegrationGraphCache';

/** The scheduler task id; one run at a time across all backend instances. */
export const CHECKS_TASK_ID = 'interchange-integration-checks';

/** One run: read the catalog, build the graph, run the checks, store the findings. */
export async function runIntegrationChecks(options: {
  settings: Pick<ChecksSettings, 'rules' | 'ruleSet'>;
  graphs: IntegrationGraphCache;
  store: ChecksStore;
  logger: LoggerService;
  now?: Date;
  /** Live data for the rules that need it (brokers, gateways, deliveries, meshes). */
  liveData?: (graph: IntegrationGraph, now: Date) => Promise<CheckLiveData>;
}): Promise<void> {
  const started = Date.now();
  const graph = await options.graphs.refresh();
  const now = options.now ?? new Date();
  const liveData = await options.liveData?.(graph, now);
  const result = computeChecks(graph, {
    rules: options.settings.rules,
    ruleSet: options.settings.ruleSet,
    now,
    liveData,
  });
  await options.store.replace({ computedAt: now, ...result });
  options.logger.info(
    `Integration checks: ${result.findings.length} findings (${
      result.excused
    } excused, ${result.skippedRules.length} rules skipped) over ${
      graph.nodes.size
    } entities in ${Date.now() - started} ms`,
  );
}

/**
 * Schedules the integration checks with the backend scheduler, so one
 * instance runs them at a time: soon after start, then every `frequency`.
 */
export async function scheduleIntegrationChecks(options: {
  settings: ChecksSettings;
  scheduler: SchedulerService;
  graphs: IntegrationGraphCache;
  store: ChecksStore;
  logger: LoggerService;
  liveData?: (graph: IntegrationGraph, now: Date) => Promise<CheckLiveData>;
}): Promise<void> {
  const { settings, scheduler } = options;
  await scheduler.scheduleTask({
    id: CHECKS_TASK_ID,
    frequency: settings.frequency,
    initialDelay: settings.initialDelay,
    timeout: settings.timeout,
    fn: () => runIntegrationChecks(options),
  });
}
