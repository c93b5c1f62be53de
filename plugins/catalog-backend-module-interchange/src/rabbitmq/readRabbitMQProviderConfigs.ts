import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readProviderEntries } from '../config/providerEntries';

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

/**
 * `catalog.providers.interchangeRabbitMQ.<id>`: one provider per entry, each
 * reading one broker of `interchange.rabbitmq.brokers`.
 */
export function readRabbitMQProviderConfigs(
  config: Config,
): RabbitMQProviderConfig[] {
  return readProviderEntries(config, 'interchangeRabbitMQ', entry => ({
    id: entry.id,
    broker: entry.config.getString('broker'),
    defaultOwner: entry.config.getString('defaultOwner'),
    namespace: entry.config.getOptionalString('namespace') ?? 'default',
    vhosts: entry.pattern('vhosts'),
    exclude: entry.pattern('exclude'),
    schedule: entry.schedule(),
  }));
}
