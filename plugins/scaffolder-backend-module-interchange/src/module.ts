import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createKafkaAdminClient,
  KafkaClusters,
  readKafkaClusters,
} from '@interchange/plugin-interchange-node';
import { createEntityRenderAction } from './actions/entityRender';
import { createGatewayRenderRouteAction } from './actions/gatewayRenderRoute';
import { createKafkaCreateTopicAction } from './actions/kafkaCreateTopic';
import { createWebhookCreateSecretAction } from './actions/webhookCreateSecret';

/**
 * The Interchange scaffolder actions: `interchange:kafka:create-topic`,
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
        config: coreServices.rootConfig,
        lifecycle: coreServices.lifecycle,
      },
      async init({ scaffolderActions, config, lifecycle }) {
        // kafkajs for creating topics: the broker's validate-only create is
        // what makes dry runs and pre-checks trustworthy, and only kafkajs
        // exposes it.
        const clusters = new KafkaClusters(readKafkaClusters(config), {
          createClient: c => createKafkaAdminClient(c, 'kafkajs'),
        });
        lifecycle.addShutdownHook(() => clusters.close());
        scaffolderActions.addActions(
          createKafkaCreateTopicAction({ clusters }),
          createGatewayRenderRouteAction(),
          createWebhookCreateSecretAction(),
          createEntityRenderAction(),
        );
      },
    });
  },
});
