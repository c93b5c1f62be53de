import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { InterchangeCollatorFactory } from './InterchangeCollatorFactory';

/**
 * Search module: indexes Interchange's integration entities (type
 * `interchange`) every 10 minutes, on the catalog collator's schedule, or on
 * `search.collators.interchange.schedule`.
 *
 * @public
 */
export const searchModuleInterchangeCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'interchange-collator',
  register(env) {
    env.registerInit({
      deps: {
        indexRegistry: searchIndexRegistryExtensionPoint,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ indexRegistry, scheduler, catalog, auth, config }) {
        const key = 'search.collators.interchange.schedule';
        indexRegistry.addCollator({
          factory: new InterchangeCollatorFactory(catalog, auth),
          schedule: scheduler.createScheduledTaskRunner(
            config.has(key)
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  config.getConfig(key),
                )
              : {
                  frequency: { minutes: 10 },
                  timeout: { minutes: 15 },
                  initialDelay: { seconds: 3 },
                },
          ),
        });
      },
    });
  },
});
