import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  kafkaClustersServiceRef,
  rabbitmqBrokersServiceRef,
} from '@interchange/plugin-interchange-node';
import { createEntityRenderAction } from './actions/entityRender';
import { createGatewayRenderRouteAction } from './actions/gatewayRenderRoute';
import { createKafkaCreateTopicAction } from './actions/kafkaCreateTopic';
import { createRabbitMQDeclareQueueAction } from './actions/rabbitmqDeclareQueue';
import { createWebhookCreateSecretAction } from './actions/webhookCreateSecret';

/**
 * The Interchange scaffolder actions: `interchange:kafka:create-topic`,
 * `interchange:rabbitmq:declare-queue`,
 * `interchange:gateway:render-route`, `interchange:webhook:create-secret`
 * and `interchange:entity:render`.
 *
 * @public
 */
export const scaffolderModuleInterchange = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'interchange',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        // The backend's one cluster registry, shared with the Interchange
        // plugin and catalog module.
        clusters: kafkaClustersServiceRef,
        rabbitmqBrokers: rabbitmqBrokersServiceRef,
        // The webhook secret goes to the Interchange backend's one-time
        // links with the task creator's credentials.
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
      },
      async init({
        scaffolderActions,
        clusters,
        rabbitmqBrokers,
        auth,
        discovery,
        config,
      }) {
        scaffolderActions.addActions(
          createKafkaCreateTopicAction({ clusters }),
          createRabbitMQDeclareQueueAction({ brokers: rabbitmqBrokers }),
          createGatewayRenderRouteAction(),
          createWebhookCreateSecretAction({ auth, discovery, config }),
          createEntityRenderAction(),
        );
      },
    });
  },
});
