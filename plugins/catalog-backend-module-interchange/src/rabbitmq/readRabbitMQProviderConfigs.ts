import { Config } from '@backstage/config';
import { compileUntrustedPattern } from '@interchange/plugin-interchange-common';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

export interface RabbitMQProviderConfig {
  id: string;
  broker: string;
  defaultOwner: string;
  namespace: string;
  /** Only vhosts matching, when set. */
  vhosts?: RegExp;
  /** Queues and exchanges whose name matches are left out. */
  exclude?: RegExp;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

function regex(c: Config, key: string, id: string): RegExp | undefined {
  const value = c.getOptionalString(key);
  return value === undefined
    ? undefined
    : compileUntrustedPattern(
        value,
        `catalog.providers.interchangeRabbitMQ.${id}.${key}`,
      );
}

/**
 * `catalog.providers.interchangeRabbitMQ.<id>`: one provider per entry, each
 * reading one broker of `interchange.rabbitmq.brokers`.
 */
export function readRabbitMQProviderConfigs(
  config: Config,
): RabbitMQProviderConfig[] {
  const root = config.getOptionalConfig(
    'catalog.providers.interchangeRabbitMQ',
  );
  if (!root) {
    return [];
  }
  return root.keys().map(id => {
    const c = root.getConfig(id);
    return {
      id,
      broker: c.getString('broker'),
      defaultOwner: c.getString('defaultOwner'),
      namespace: c.getOptionalString('namespace') ?? 'default',
      vhosts: regex(c, 'vhosts', id),
      exclude: regex(c, 'exclude', id),
      schedule: c.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            c.getConfig('schedule'),
          )
        : {
            frequency: { minutes: 30 },
            timeout: { minutes: 3 },
            initialDelay: { minutes: 1 },
          },
    };
  });
}
