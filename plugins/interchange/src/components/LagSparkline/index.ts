export { LagSparkline } from './LagSparkline';
