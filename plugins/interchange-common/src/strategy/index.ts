export type {
  IntegrationStrategyInput,
  StrategyPlatforms,
  StrategyPrinciple,
  StrategyRuleStandard,
  StrategySnapshot,
  StrategyStandards,
} from './types';
export { readStrategyConfig, readStrategyPrinciples } from './config';
export type { StrategyConfig } from './config';
export {
  generateIntegrationStrategy,
  integrationStrategySnapshot,
  renderIntegrationStrategy,
  STRATEGY_SECTIONS,
} from './render';
export type { IntegrationStrategyDocument } from './render';
export { diffStrategySnapshots, sameStrategyNumbers } from './snapshot';
