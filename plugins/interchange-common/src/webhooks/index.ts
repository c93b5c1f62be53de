export { generateWebhookSecret, maskWebhookSecret } from './secret';
export {
  SIGNING_SCHEMES,
  WEBHOOK_HEADERS,
  WEBHOOK_TOLERANCE_SECONDS,
  signWebhook,
  verifyWebhook,
} from './signing';
export type { VerifyResult, WebhookMessage } from './signing';
