import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { interchangePermissions } from '@interchange/plugin-interchange-common';
import {
  KafkaClusters,
  readKafkaClusters,
} from '@interchange/plugin-interchange-node';
import { migrateDatabase } from './database/migrations';
import { KafkaLiveState } from './kafka/KafkaLiveState';
import { LagHistoryStore } from './kafka/LagHistoryStore';
import {
  readLagSamplingSettings,
  scheduleLagSampling,
} from './kafka/lagSampling';
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
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        events: eventsServiceRef,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const {
          config,
          httpAuth,
          httpRouter,
          logger,
          database,
          scheduler,
          permissions,
          lifecycle,
        } = deps;
        deps.permissionsRegistry.addPermissions(interchangePermissions);

        const db = await migrateDatabase(database);
        const problems = new CatalogProblemsStore(db);
        await subscribeToCatalogErrors({
          events: deps.events,
          store: problems,
          logger,
        });

        const clusters = new KafkaClusters(readKafkaClusters(config));
        lifecycle.addShutdownHook(() => clusters.close());
        const history = new LagHistoryStore(db);
        const live = new KafkaLiveState(clusters, history);
        await scheduleLagSampling({
          settings: readLagSamplingSettings(config),
          scheduler,
          logger,
          live,
          history,
        });

        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.use(
          await createRouter({
            httpAuth,
            problems,
            permissions,
            catalog: deps.catalog,
            live,
            history,
          }),
        );
      },
    });
  },
});
