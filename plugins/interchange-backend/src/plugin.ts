import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { migrateDatabase } from './database/migrations';
import { CatalogProblemsStore } from './problems/CatalogProblemsStore';
import { subscribeToCatalogErrors } from './problems/subscribeToCatalogErrors';
import { createRouter } from './service/router';

/**
 * The Interchange backend: live Kafka state, webhook deliveries and the
 * catalog problems of Interchange entities, under /api/interchange.
 *
 * @public
 */
export const interchangePlugin = createBackendPlugin({
  pluginId: 'interchange',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        database: coreServices.database,
        events: eventsServiceRef,
      },
      async init({ httpAuth, httpRouter, logger, database, events }) {
        const db = await migrateDatabase(database);
        const problems = new CatalogProblemsStore(db);
        await subscribeToCatalogErrors({ events, store: problems, logger });
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.use(await createRouter({ httpAuth, problems }));
      },
    });
  },
});
