import { Config } from '@backstage/config';
import {
  CheckRule,
  readStrategyConfig,
  StrategyConfig,
} from '@interchange/plugin-interchange-common';

/**
 * What the strategy document reads from app-config: principles
 * (`interchange.strategy.principles`), the standards behind the checks and
 * the topic policy, the configured clusters and gateways. Read once at
 * start-up, so a malformed principle fails it, naming the entry and field.
 */
export function readStrategySettings(
  config: Config,
  rules?: readonly CheckRule[],
): StrategyConfig {
  return readStrategyConfig(config.getOptional('interchange'), { rules });
}
