export { WebhookDeliveriesCard } from './WebhookDeliveriesCard';
