import { Config } from '@backstage/config';
import {
  compileUntrustedPattern,
  KafkaTopicPolicy,
} from '@interchange/plugin-interchange-common';

function readRange(
  config: Config | undefined,
  key: string,
): KafkaTopicPolicy['partitions'] {
  if (!config) {
    return undefined;
  }
  const range = {
    min: config.getOptionalNumber('min'),
    max: config.getOptionalNumber('max'),
    default: config.getOptionalNumber('default'),
  };
  for (const [name, value] of Object.entries(range)) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw new Error(
        `${key}.${name}: must be a whole number of at least 1 (got ${value})`,
      );
    }
  }
  if (
    range.min !== undefined &&
    range.max !== undefined &&
    range.min > range.max
  ) {
    throw new Error(
      `${key}: min ${range.min} is greater than max ${range.max}`,
    );
  }
  return range;
}

/**
 * `interchange.kafka.clusters[].policy`: the rules for topics created from
 * the portal. Empty when not configured.
 */
export function readTopicPolicy(
  config: Config | undefined,
  key: string,
): KafkaTopicPolicy {
  if (!config) {
    return {};
  }
  const namePattern = config.getOptionalString('namePattern');
  if (namePattern !== undefined) {
    // Refused here, at start-up, when it could stall a match later.
    compileUntrustedPattern(namePattern, `${key}.namePattern`);
  }
  // Read raw: config names contain dots, which Config.get would treat as
  // nesting.
  const defaults = config.getOptional('defaultConfigs');
  if (
    defaults !== undefined &&
    (typeof defaults !== 'object' ||
      defaults === null ||
      Array.isArray(defaults))
  ) {
    throw new Error(
      `${key}.defaultConfigs: must be a map of topic config names to values, e.g. { retention.ms: '604800000' }`,
    );
  }
  return {
    namePattern,
    nameDescription: config.getOptionalString('nameDescription'),
    partitions: readRange(
      config.getOptionalConfig('partitions'),
      `${key}.partitions`,
    ),
    replicationFactor: readRange(
      config.getOptionalConfig('replicationFactor'),
      `${key}.replicationFactor`,
    ),
    requiredConfigs: config.getOptionalStringArray('requiredConfigs'),
    allowedConfigs: config.getOptionalStringArray('allowedConfigs'),
    defaultConfigs: defaults
      ? Object.fromEntries(
          Object.entries(defaults).map(([k, v]) => [k, String(v)]),
        )
      : undefined,
  };
}
