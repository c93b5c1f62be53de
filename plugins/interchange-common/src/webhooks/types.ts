import type { AttemptSummary, EndpointHealth } from './health';

/** One row of a webhook's delivery log, as the API returns it. @public */
export interface WebhookDelivery {
  id: string;
  entityRef: string;
  direction: 'outbound' | 'inbound';
  eventId: string;
  eventType: string;
  attemptedAt: number;
  durationMs: number;
  statusCode?: number;
  outcome: AttemptSummary['outcome'];
  error?: string;
  /** First bytes of the endpoint's answer. */
  response?: string;
  url?: string;
  /** Signature headers as sent or received; never a secret. */
  requestHeaders?: Record<string, string>;
  redeliveryOf?: string;
}

/** The headers a test event or redelivery was sent with. @public */
export interface WebhookSignaturePreview {
  scheme: string;
  secretRef?: string;
  /** Masked (`whsec_…abcd`: prefix and last 4 characters); the secret itself never leaves the backend. */
  secret?: string;
  headers: Record<string, string>;
}

/** Answer of sending a test event or redelivering. @public */
export interface WebhookSendResult {
  delivery: WebhookDelivery;
  signature: WebhookSignaturePreview;
}

/** Answer of `GET /webhooks/:namespace/:name/deliveries`. @public */
export interface WebhookDeliveryLog {
  items: WebhookDelivery[];
  health: EndpointHealth;
}
