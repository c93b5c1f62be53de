import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type {
  CatalogProblem,
  EntityImpact,
  IntegrationCheckFinding,
  IntegrationCheckSeverity,
  IntegrationCheckSkippedRule,
  KafkaConsumerGroups,
  KafkaLagTrendPoint,
  KafkaTopicLiveState,
  KafkaTopicNameCheck,
  MapLayoutList,
  MeshAccess,
  RabbitMQQueueDetail,
  RabbitMQQueueList,
  WebhookDeliveryLog,
  WebhookHealthEntry,
  WebhookSendResult,
} from '@interchange/plugin-interchange-common';

// The answers' types are generated from the backend's OpenAPI spec into
// -common; they are re-exported here under the names the cards use.
export type {
  CatalogProblem,
  EntityImpact,
  MeshAccess,
  MeshAccessRow,
  MeshAccessDecision,
  MeshStatus,
  EntityImpactEntry,
  IntegrationCheckFinding,
  IntegrationCheckSeverity,
  IntegrationCheckSkippedRule,
  KafkaClusterSummary,
  KafkaConsumerGroups,
  KafkaConsumerGroupState,
  KafkaLagTrendPoint,
  KafkaPartitionState,
  KafkaTopicLiveState,
  MapLayout,
  MapLayoutList,
  MapLayoutPlacement,
  RabbitMQQueueDetail,
  RabbitMQQueueList,
  RabbitMQQueueState,
  WebhookHealthEntry,
} from '@interchange/plugin-interchange-common';

/**
 * Which stored findings to list; filters combine. Refs are
 * `kind:namespace/name`; `owner` and `system` may be bare names.
 *
 * @public
 */
export interface IntegrationChecksFilter {
  /** Findings involving this entity. */
  entityRef?: string;
  rule?: string;
  /** Findings involving an entity this group or user owns. */
  owner?: string;
  /** Findings involving this system or an entity of it. */
  system?: string;
  severity?: IntegrationCheckSeverity;
}

/**
 * The backend's last scheduled run of the integration checks.
 *
 * @public
 */
export interface IntegrationChecks {
  /** When they were computed (ISO 8601); absent before the first run. */
  computedAt?: string;
  skippedRules: IntegrationCheckSkippedRule[];
  /** How many findings exceptions hid. */
  excused: number;
  findings: IntegrationCheckFinding[];
}

/**
 * What depends on an entity, or what it depends on, with paths. `found` is
 * true: the backend answers 404 for an entity not in the catalog.
 *
 * @public
 */
export type IntegrationImpact = EntityImpact & { found: boolean };

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
  /** Every queue of a RabbitMQ broker with depth, consumers and status. */
  listRabbitMQQueues(broker: string): Promise<RabbitMQQueueList>;
  /** One RabbitMQ queue: state, bindings, drift and depth history. */
  getRabbitMQQueue(
    broker: string,
    vhost: string,
    queue: string,
    hours?: number,
  ): Promise<RabbitMQQueueDetail>;
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
  /** Findings of the scheduled integration checks, errors first. */
  getChecks(filter?: IntegrationChecksFilter): Promise<IntegrationChecks>;
  /** Downstream (default) or upstream dependencies, `depth` hops (default 2). */
  getImpact(query: {
    entityRef: string;
    direction?: 'downstream' | 'upstream';
    depth?: number;
  }): Promise<IntegrationImpact>;
  /**
   * The map's layouts the backend computed ahead of time, by job hash.
   * Optional: without it (an older or custom implementation) the map lays
   * everything out in the browser.
   */
  getMapLayouts?(): Promise<MapLayoutList>;
  /** The generated integration strategy document, Markdown. */
  getStrategy(): Promise<string>;
  /** A component's callers and callees: declared, allowed by the mesh, observed. */
  getMeshAccess(entity: CompoundEntityRef): Promise<MeshAccess>;
}

/** @public */
export const interchangeApiRef = createApiRef<InterchangeApi>({
  id: 'plugin.interchange.api',
});
