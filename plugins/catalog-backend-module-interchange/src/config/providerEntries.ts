import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { compileUntrustedPattern } from '@interchange/plugin-interchange-common';

/** The schedule of a provider's config: its `schedule` key, else `fallback`. */
export function readProviderSchedule(
  c: Config | undefined,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  return c?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        c.getConfig('schedule'),
      )
    : fallback;
}

/** One `catalog.providers.<provider>.<id>` entry, for its reader. */
export interface ProviderEntry {
  id: string;
  config: Config;
  /**
   * A regular-expression option of the entry, compiled under the limits for
   * patterns from config (compileUntrustedPattern); its errors name the
   * whole key. Undefined when the key and `fallback` are both absent.
   */
  pattern(key: string, fallback?: string): RegExp | undefined;
  /** The entry's `schedule`, else every 30 minutes after a minute. */
  schedule(): SchedulerServiceTaskScheduleDefinition;
}

/**
 * Reads `catalog.providers.<provider>`, one provider per id under it (the
 * Kafka topic and RabbitMQ providers), each entry through `read`.
 */
export function readProviderEntries<T>(
  config: Config,
  provider: string,
  read: (entry: ProviderEntry) => T,
): T[] {
  const root = config.getOptionalConfig(`catalog.providers.${provider}`);
  if (!root) {
    return [];
  }
  return root.keys().map(id => {
    const c = root.getConfig(id);
    return read({
      id,
      config: c,
      pattern(key, fallback) {
        const value = c.getOptionalString(key) ?? fallback;
        return value === undefined
          ? undefined
          : compileUntrustedPattern(
              value,
              `catalog.providers.${provider}.${id}.${key}`,
            );
      },
      schedule: () =>
        readProviderSchedule(c, {
          frequency: { minutes: 30 },
          timeout: { minutes: 3 },
          initialDelay: { minutes: 1 },
        }),
    });
  });
}
