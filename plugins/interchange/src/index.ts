/**
 * Interchange frontend: entity cards and pages for Kafka topics, gateway
 * routes and webhooks, for the legacy frontend system. See `./alpha` for the
 * new frontend system.
 *
 * @packageDocumentation
 */
export {
  interchangePlugin,
  InterchangePage,
  EntityInterchangeOverviewCard,
  EntityInterchangeRelationsCard,
  EntityIntegrationsCard,
  EntityKafkaTopicStateCard,
  EntityKafkaConsumerGroupsCard,
  KafkaTopicNamePickerFieldExtension,
  EntityWebhookDeliveriesCard,
  EntityRabbitMQQueueCard,
  InterchangeWebhooksPage,
  EntityGatewayRouteDriftCard,
  EntityRoutesCard,
  InterchangeRoutesPage,
  InterchangeChecksPage,
  EntityInterchangeChecksCard,
  EntityMeshAccessCard,
  InterchangeMapPage,
  EntityIntegrationMapCard,
  InterchangeStrategyPage,
  InterchangeSecretLinkPage,
} from './plugin';
export type { KafkaTopicNamePickerUiOptions } from './components/KafkaTopicNamePicker';
export { hasKafkaConsumerGroups } from './filters';
export { interchangeApiRef, InterchangeClient } from './api';
export type * from './api/InterchangeApi';
export {
  interchangeGraphRelations,
  interchangeGraphRelationPairs,
} from './graph';
export {
  isInterchangeEntity,
  isKafkaTopicEntity,
  isGatewayRouteEntity,
  isWebhookEntity,
  isRabbitMQQueueEntity,
  isRabbitMQExchangeEntity,
} from '@interchange/plugin-interchange-common';
