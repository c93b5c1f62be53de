export { WebhookHealthSummary } from './WebhookHealthSummary';
