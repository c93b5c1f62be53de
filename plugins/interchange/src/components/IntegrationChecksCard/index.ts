export {
  IntegrationChecksCard,
  checksFilterFor,
} from './IntegrationChecksCard';
export { SeverityChip } from './SeverityChip';
export { formatTime } from './formatTime';
