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
} from './plugin';
export { interchangeApiRef, InterchangeClient } from './api';
export type { InterchangeApi, CatalogProblem } from './api';
export {
  interchangeGraphRelations,
  interchangeGraphRelationPairs,
} from './graph';
export {
  isInterchangeEntity,
  isKafkaTopicEntity,
  isGatewayRouteEntity,
  isWebhookEntity,
} from '@interchange/plugin-interchange-common';
