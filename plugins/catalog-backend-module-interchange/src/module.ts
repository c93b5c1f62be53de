import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { InterchangeEntitiesProcessor } from './processor/InterchangeEntitiesProcessor';

/**
 * Adds the Interchange kinds (KafkaTopic, GatewayRoute, Webhook) and their
 * relations to the catalog.
 *
 * @public
 */
export const catalogModuleInterchange = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'interchange',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ catalog, config, logger }) {
        catalog.addProcessor(
          InterchangeEntitiesProcessor.fromConfig(config, { logger }),
        );
      },
    });
  },
});
