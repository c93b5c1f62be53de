export { StrategyPage } from './StrategyPage';
