export {
  sendWebhookRequest,
  DEFAULT_OUTBOUND_POLICY,
} from './sendWebhookRequest';
export type {
  DeliveryOutcome,
  OutboundRequestPolicy,
  OutboundResult,
} from './sendWebhookRequest';
export { checkAllowlist, nonPublicReason } from './addressPolicy';
export type { OutboundAllowlist } from './addressPolicy';
