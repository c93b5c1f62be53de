export { StrategyPage } from './StrategyPage';
export { StrategyButton } from './StrategyButton';
