export { IntegrationMapPage } from './IntegrationMapPage';
