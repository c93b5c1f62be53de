export { generateWebhookSecret, maskWebhookSecret } from './secret';
export {
  SIGNING_SCHEMES,
  WEBHOOK_HEADERS,
  WEBHOOK_TOLERANCE_SECONDS,
  signWebhook,
  verifyWebhook,
} from './signing';
export type { VerifyResult, WebhookMessage } from './signing';
export { computeEndpointHealth } from './health';
export type {
  AttemptSummary,
  EndpointHealth,
  EndpointHealthStatus,
} from './health';
export {
  buildTestEvent,
  sampleDataFromDefinition,
  sampleFromJsonSchema,
} from './samplePayload';
export type {
  WebhookDelivery,
  WebhookDeliveryLog,
  WebhookSendResult,
  WebhookSignaturePreview,
} from './types';
