export { IntegrationMapCard } from './IntegrationMapCard';
