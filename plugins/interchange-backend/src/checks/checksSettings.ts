import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  BUILTIN_CHECK_RULES,
  CheckRule,
  resolveCheckConfig,
} from '@interchange/plugin-interchange-common';

export interface ChecksSettings {
  /** The object under `interchange.checks`, validated against the rules. */
  rules: unknown;
  /** The rules that run: the built-in ones and those modules added. */
  ruleSet: readonly CheckRule[];
  frequency: HumanDuration;
  initialDelay: HumanDuration;
  timeout: HumanDuration;
}

const KEY = 'interchange.checksSchedule';

function duration(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  if (!config?.has(key)) {
    return fallback;
  }
  const value = readDurationFromConfig(config, { key });
  if (durationToMilliseconds(value) <= 0) {
    throw new Error(`${KEY}.${key}: must be longer than zero`);
  }
  return value;
}

/**
 * `interchange.checks` (rule settings) and `interchange.checksSchedule`
 * (when the checks run), failing at start-up on an unknown rule id or a bad
 * value, naming the key.
 */
export function readChecksSettings(
  config: Config,
  ruleSet: readonly CheckRule[] = BUILTIN_CHECK_RULES,
): ChecksSettings {
  const rules = config.getOptional('interchange.checks');
  // Throws e.g. "interchange.checks.coupling/hubs: unknown rule id ...";
  // a rule a module added is known, so it can be configured too.
  resolveCheckConfig(rules, ruleSet);
  const schedule = config.getOptionalConfig(KEY);
  return {
    rules,
    ruleSet,
    frequency: duration(schedule, 'frequency', { minutes: 10 }),
    initialDelay: duration(schedule, 'initialDelay', { seconds: 30 }),
    timeout: duration(schedule, 'timeout', { minutes: 5 }),
  };
}
