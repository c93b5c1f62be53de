/**
 * Scaffolder actions that create Kafka topics, gateway routes, webhook
 * secrets and Interchange catalog entities the platform team's way.
 *
 * @packageDocumentation
 */

export { scaffolderModuleInterchange as default } from './module';
export { createKafkaCreateTopicAction } from './actions/kafkaCreateTopic';
export { createGatewayRenderRouteAction } from './actions/gatewayRenderRoute';
export { createWebhookCreateSecretAction } from './actions/webhookCreateSecret';
export { createEntityRenderAction } from './actions/entityRender';
