import type {
  EndpointHealth,
  KafkaTopicNameCheck,
  WebhookDeliveryLog,
  WebhookSendResult,
} from '@interchange/plugin-interchange-common';
import { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  GroupLagStatus,
  PartitionLag,
  TopicDrift,
} from '@interchange/plugin-interchange-common';
import { createApiRef } from '@backstage/core-plugin-api';

/**
 * A catalog processing error of an Interchange entity, as the backend last
 * saw it.
 *
 * @public
 */
export interface CatalogProblem {
  entityRef: string;
  location?: string;
  message: string;
  firstSeen: string;
  lastSeen: string;
}

/** @public */
export interface KafkaClusterSummary {
  id: string;
  title: string;
  adapter: string;
  dashboardUrl?: string;
}

/** @public */
export interface KafkaPartitionState {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  underReplicated: boolean;
  earliestOffset: number;
  latestOffset: number;
  messages: number;
}

/** @public */
export interface KafkaTopicLiveState {
  entityRef: string;
  cluster: KafkaClusterSummary;
  topic: string;
  state: {
    exists: boolean;
    partitions: KafkaPartitionState[];
    replicationFactor: number;
    underReplicatedPartitions: number;
    offlinePartitions: number;
    messageCount: number;
    configs: {
      name: string;
      value?: string;
      isDefault: boolean;
      isSensitive: boolean;
    }[];
  };
  drift: TopicDrift[];
}

/** @public */
export interface KafkaConsumerGroupState {
  cluster: string;
  groupId: string;
  state: string;
  members: number;
  partitions: PartitionLag[];
  totalLag: number;
  maxLag: number;
  health?: GroupLagStatus;
}

/** @public */
export interface KafkaConsumerGroups {
  items: KafkaConsumerGroupState[];
  /** Clusters that could not be read, when an entity's groups span several. */
  errors: { cluster: string; message: string }[];
}

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
  ): Promise<{ timestamp: number; totalLag: number }[]>;
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
  getWebhooksHealth(): Promise<{ entityRef: string; health: EndpointHealth }[]>;
}

/** @public */
export const interchangeApiRef = createApiRef<InterchangeApi>({
  id: 'plugin.interchange.api',
});
