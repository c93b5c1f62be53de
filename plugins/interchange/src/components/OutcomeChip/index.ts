export { OutcomeChip, HealthChip } from './OutcomeChip';
