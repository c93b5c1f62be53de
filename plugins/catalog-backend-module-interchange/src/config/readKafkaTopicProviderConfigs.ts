import { Config } from '@backstage/config';
import { compileUntrustedPattern } from '@interchange/plugin-interchange-common';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

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

function regex(
  c: Config,
  id: string,
  key: string,
  fallback?: string,
): RegExp | undefined {
  const value = c.getOptionalString(key) ?? fallback;
  return value === undefined
    ? undefined
    : compileUntrustedPattern(
        value,
        `catalog.providers.interchangeKafka.${id}.${key}`,
      );
}

/**
 * `catalog.providers.interchangeKafka.<id>`: one provider per entry, each
 * reading one cluster of `interchange.kafka.clusters`.
 */
export function readKafkaTopicProviderConfigs(
  config: Config,
): KafkaTopicProviderConfig[] {
  const root = config.getOptionalConfig('catalog.providers.interchangeKafka');
  if (!root) {
    return [];
  }
  return root.keys().map(id => {
    const c = root.getConfig(id);
    const defaultOwner = c.getString('defaultOwner');
    return {
      id,
      cluster: c.getString('cluster'),
      defaultOwner,
      namespace: c.getOptionalString('namespace') ?? 'default',
      include: regex(c, id, 'include'),
      exclude: regex(c, id, 'exclude', DEFAULT_EXCLUDE)!,
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
