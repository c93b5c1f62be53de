import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { InterchangeCollatorFactory } from './InterchangeCollatorFactory';

/**
 * Search module: indexes Interchange's integration entities (type
 * `interchange`) every 10 minutes, on the catalog collator's schedule.
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
      },
      async init({ indexRegistry, scheduler, catalog, auth }) {
        indexRegistry.addCollator({
          factory: new InterchangeCollatorFactory(catalog, auth),
          schedule: scheduler.createScheduledTaskRunner({
            frequency: { minutes: 10 },
            timeout: { minutes: 15 },
            initialDelay: { seconds: 3 },
          }),
        });
      },
    });
  },
});
