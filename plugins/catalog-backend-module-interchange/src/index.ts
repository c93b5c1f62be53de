/**
 * The Interchange module for the catalog backend: the KafkaTopic,
 * GatewayRoute and Webhook kinds, their relations, and entity providers.
 *
 * @packageDocumentation
 */
export { catalogModuleInterchange as default } from './module';
export { InterchangeEntitiesProcessor } from './processor/InterchangeEntitiesProcessor';
export { KafkaTopicEntityProvider } from './providers/KafkaTopicEntityProvider';
export {
  ANNOTATION_LOCATION_GATEWAY,
  GATEWAY_CONFIG_LOCATION_TYPE,
  GatewayConfigLocationProcessor,
} from './processor/GatewayConfigLocationProcessor';
export { GatewayRoutesEntityProvider } from './providers/GatewayRoutesEntityProvider';
