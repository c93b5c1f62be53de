import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { DEFAULT_ERROR_TIME_LAG_MS } from '@interchange/plugin-interchange-common';

/** `interchange.kafka.lagStatus` (declared in this package's config.d.ts). */
export interface LagStatusSettings {
  /** Time lag at which a group falling behind turns from WARNING to ERROR. */
  errorTimeLagMs: number;
}

/**
 * Reads `interchange.kafka.lagStatus`; a malformed or non-positive duration
 * fails start-up naming the key.
 */
export function readLagStatusSettings(config: Config): LagStatusSettings {
  const key = 'interchange.kafka.lagStatus.errorTimeLag';
  if (!config.has(key)) {
    return { errorTimeLagMs: DEFAULT_ERROR_TIME_LAG_MS };
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (e) {
    throw new Error(
      `${key}: not a duration; write e.g. '15 minutes' or { minutes: 15 } (${
        (e as Error).message
      })`,
    );
  }
  if (!(ms > 0)) {
    throw new Error(`${key}: must be longer than zero`);
  }
  return { errorTimeLagMs: ms };
}
