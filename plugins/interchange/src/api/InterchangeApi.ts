import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type {
  CatalogProblem,
  KafkaConsumerGroups,
  KafkaLagTrendPoint,
  KafkaTopicLiveState,
  KafkaTopicNameCheck,
  WebhookDeliveryLog,
  WebhookHealthEntry,
  WebhookSendResult,
} from '@interchange/plugin-interchange-common';

// The answers' types are generated from the backend's OpenAPI spec into
// -common; they are re-exported here under the names the cards use.
export type {
  CatalogProblem,
  KafkaClusterSummary,
  KafkaConsumerGroups,
  KafkaConsumerGroupState,
  KafkaLagTrendPoint,
  KafkaPartitionState,
  KafkaTopicLiveState,
  WebhookHealthEntry,
} from '@interchange/plugin-interchange-common';

/**
 * Client for the Interchange backend (`/api/interchange`).
 *
 * @public
 */
export interface InterchangeApi {
  getCatalogProblems(): Promise<CatalogProblem[]>;
  /** Live state and drift of a KafkaTopic entity. */
  getKafkaTopicState(entity: CompoundEntityRef): Promise<KafkaTopicLiveState>;
  /** Consumer groups of a KafkaTopic, or those a Component declares, with lag. */
  getKafkaConsumerGroups(
    entity: CompoundEntityRef,
  ): Promise<KafkaConsumerGroups>;
  /** A group's total lag over the last hours. */
  getKafkaGroupTrend(
    cluster: string,
    groupId: string,
    hours?: number,
  ): Promise<KafkaLagTrendPoint[]>;
  /** Whether a new topic name follows the cluster's rules and is free. */
  checkKafkaTopicName(
    cluster: string,
    name: string,
  ): Promise<KafkaTopicNameCheck>;
  /** A Webhook entity's delivery log (newest first) and endpoint health. */
  getWebhookDeliveries(
    entity: CompoundEntityRef,
    limit?: number,
  ): Promise<WebhookDeliveryLog>;
  /** Signs and sends a test event to the webhook's URL; the attempt is logged. */
  sendWebhookTestEvent(
    entity: CompoundEntityRef,
    eventType?: string,
  ): Promise<WebhookSendResult>;
  /** Sends a logged attempt of this webhook again, with the same event id. */
  redeliverWebhook(
    entity: CompoundEntityRef,
    deliveryId: string,
  ): Promise<WebhookSendResult>;
  /** Health of every webhook with recent deliveries, by entity ref. */
  getWebhooksHealth(): Promise<WebhookHealthEntry[]>;
}

/** @public */
export const interchangeApiRef = createApiRef<InterchangeApi>({
  id: 'plugin.interchange.api',
});
