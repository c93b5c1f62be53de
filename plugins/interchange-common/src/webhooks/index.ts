export { generateWebhookSecret, maskWebhookSecret } from './secret';
export {
  DEFAULT_SHARED_TOKEN_HEADER,
  SIGNING_SCHEMES,
  WEBHOOK_HEADERS,
  WEBHOOK_TOLERANCE_SECONDS,
  signWebhook,
  verifyWebhook,
} from './signing';
export type {
  HmacSha256,
  VerifyResult,
  WebhookMessage,
  WebhookSigningOptions,
} from './signing';
export {
  WEBHOOK_URL_SECRET_PLACEHOLDER,
  fillWebhookUrl,
  findSecretInWebhookUrl,
} from './urlSecret';
export type { UrlSecretFinding } from './urlSecret';
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
