export { generateWebhookSecret, maskWebhookSecret } from './secret';
