/**
 * The webhook routes' answers are part of the HTTP contract: their types are
 * generated from the backend's OpenAPI spec (src/schema/openapi.yaml there),
 * not written here.
 */
export type {
  WebhookDelivery,
  WebhookDeliveryLog,
  WebhookSendResult,
  WebhookSignaturePreview,
} from '../schema/openapi/generated';
