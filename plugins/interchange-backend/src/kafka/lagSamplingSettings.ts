import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

/** `interchange.kafka.lagSampling` (declared in this package's config.d.ts). */
export interface LagSamplingSettings {
  enabled: boolean;
  frequency: HumanDuration;
  retention: HumanDuration;
}

/**
 * Reads `interchange.kafka.lagSampling`, with defaults: every minute, kept
 * for a day. A malformed duration fails start-up naming the key.
 */
export function readLagSamplingSettings(config: Config): LagSamplingSettings {
  const key = 'interchange.kafka.lagSampling';
  const c = config.getOptionalConfig(key);
  const duration = (name: string, fallback: HumanDuration): HumanDuration => {
    if (!c?.has(name)) {
      return fallback;
    }
    try {
      return readDurationFromConfig(c, { key: name });
    } catch (e) {
      throw new Error(
        `${key}.${name}: not a duration; write e.g. '5 minutes' or { minutes: 5 } (${
          (e as Error).message
        })`,
      );
    }
  };
  return {
    enabled: c?.getOptionalBoolean('enabled') ?? true,
    frequency: duration('frequency', { minutes: 1 }),
    retention: duration('retention', { hours: 24 }),
  };
}
