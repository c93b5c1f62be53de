import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readProviderEntries } from './providerEntries';

export interface KafkaTopicProviderConfig {
  id: string;
  cluster: string;
  defaultOwner: string;
  namespace: string;
  include?: RegExp;
  exclude: RegExp;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Internal topics of Kafka and its ecosystem are not integrations. */
const DEFAULT_EXCLUDE =
  '^(__.*|_schemas|_confluent.*|connect-(configs|offsets|status))$';

/**
 * `catalog.providers.interchangeKafka.<id>`: one provider per entry, each
 * reading one cluster of `interchange.kafka.clusters`.
 */
export function readKafkaTopicProviderConfigs(
  config: Config,
): KafkaTopicProviderConfig[] {
  return readProviderEntries(config, 'interchangeKafka', entry => {
    // Read before the cluster, so a missing owner is the error shown first.
    const defaultOwner = entry.config.getString('defaultOwner');
    return {
      id: entry.id,
      cluster: entry.config.getString('cluster'),
      defaultOwner,
      namespace: entry.config.getOptionalString('namespace') ?? 'default',
      include: entry.pattern('include'),
      exclude: entry.pattern('exclude', DEFAULT_EXCLUDE)!,
      schedule: entry.schedule(),
    };
  });
}
