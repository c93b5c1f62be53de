export { ChecksPage } from './ChecksPage';
export { IntegrationChecksButton } from './IntegrationChecksButton';
