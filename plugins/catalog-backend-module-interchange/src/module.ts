import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  KafkaClusters,
  readKafkaClusters,
} from '@interchange/plugin-interchange-node';
import { InterchangeEntitiesProcessor } from './processor/InterchangeEntitiesProcessor';
import { KafkaTopicEntityProvider } from './providers/KafkaTopicEntityProvider';
import { readKafkaTopicProviderConfigs } from './providers/KafkaTopicEntityProviderConfig';

/**
 * Adds the Interchange kinds (KafkaTopic, GatewayRoute, Webhook) and their
 * relations to the catalog, and the entity providers configured under
 * `catalog.providers.interchangeKafka`.
 *
 * @public
 */
export const catalogModuleInterchange = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'interchange',
  register(reg) {
    reg.registerInit({
      deps: {
        catalogProcessing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init({
        catalogProcessing,
        config,
        logger,
        scheduler,
        auth,
        lifecycle,
        catalog,
      }) {
        catalogProcessing.addProcessor(
          InterchangeEntitiesProcessor.fromConfig(config, { logger }),
        );

        const providers = readKafkaTopicProviderConfigs(config);
        if (providers.length > 0) {
          const clusters = new KafkaClusters(readKafkaClusters(config));
          lifecycle.addShutdownHook(() => clusters.close());
          for (const providerConfig of providers) {
            clusters.config(providerConfig.cluster); // fails start-up for an unknown cluster id
            catalogProcessing.addEntityProvider(
              new KafkaTopicEntityProvider({
                config: providerConfig,
                clusters,
                catalog,
                auth,
                logger,
                taskRunner: scheduler.createScheduledTaskRunner(
                  providerConfig.schedule,
                ),
              }),
            );
          }
        }
      },
    });
  },
});
