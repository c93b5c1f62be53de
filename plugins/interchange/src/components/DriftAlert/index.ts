export { DriftAlert, type DriftItem } from './DriftAlert';
