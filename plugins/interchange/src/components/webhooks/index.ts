export { WebhookDeliveriesCard } from './WebhookDeliveriesCard';
export { WebhooksPage } from './WebhooksPage';
