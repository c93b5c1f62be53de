import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { durationToMilliseconds } from '@backstage/types';
import {
  BUILTIN_CHECK_RULES,
  CheckRule,
  interchangePermissions,
} from '@interchange/plugin-interchange-common';
import {
  interchangeChecksExtensionPoint,
  kafkaClustersServiceRef,
  rabbitmqBrokersServiceRef,
  readInputLimits,
  readMeshes,
} from '@interchange/plugin-interchange-node';
import { MeshAccessService } from './mesh/MeshAccessService';
import { registerInterchangeActions } from './actions';
import { readChecksSettings } from './checks/checksSettings';
import { IntegrationGraphCache } from './checks/IntegrationGraphCache';
import { MapLayouts } from './map/MapLayouts';
import { collectLiveData } from './checks/liveData/collectLiveData';
import { scheduleIntegrationChecks } from './checks/scheduleChecks';
import { DatabaseActivityWatchStore } from './database/DatabaseActivityWatchStore';
import { DatabaseCatalogProblemsStore } from './database/DatabaseCatalogProblemsStore';
import { DatabaseChecksStore } from './database/DatabaseChecksStore';
import { DatabaseDeliveryStore } from './database/DatabaseDeliveryStore';
import { DatabaseDepthHistoryStore } from './database/DatabaseDepthHistoryStore';
import { DatabaseLagHistoryStore } from './database/DatabaseLagHistoryStore';
import { DatabaseSecretLinkStore } from './database/DatabaseSecretLinkStore';
import { DatabaseStrategySnapshotStore } from './database/DatabaseStrategySnapshotStore';
import { migrateDatabase } from './database/migrations';
import { KafkaBusLiveState } from './kafka/KafkaBusLiveState';
import { KafkaLiveState } from './kafka/KafkaLiveState';
import { scheduleLagSampling } from './kafka/lagSampling';
import { readLagSamplingSettings } from './kafka/lagSamplingSettings';
import { readLagStatusSettings } from './kafka/lagStatusSettings';
import { InterchangeNotifier } from './notifications/InterchangeNotifier';
import { readNotificationSettings } from './notifications/notificationSettings';
import { NotificationStateStore } from './notifications/NotificationStateStore';
import { RabbitMQLiveState } from './rabbitmq/RabbitMQLiveState';
import { scheduleCatalogProblemsPruning } from './problems/catalogProblemsRetention';
import { subscribeToCatalogErrors } from './problems/subscribeToCatalogErrors';
import { createRouter } from './service/router';
import { readSecretLinkSettings } from './secrets/secretLinkSettings';
import { readStrategySettings } from './strategy/strategySettings';
import { StrategyGenerator } from './strategy/StrategyGenerator';
import { readWebhookSettings } from './webhooks/webhookSettings';

/**
 * The Interchange backend: live Kafka state, webhook deliveries and the
 * catalog problems of Interchange entities, under /api/interchange.
 *
 * @public
 */
export const interchangePlugin = createBackendPlugin({
  pluginId: 'interchange',
  register(env) {
    // Integration check rules: the built-in ones, then those other modules
    // of this plugin add (the backend starts them first); none once the
    // plugin starts, so every run checks with the same rules.
    const checkRules: CheckRule[] = [];
    let rulesLocked = false;
    const checksExtensionPoint = {
      addRule(rule: CheckRule) {
        if (rulesLocked) {
          throw new Error(
            `check rule '${rule?.id}': added after the Interchange backend plugin started; call addRule in your module's init`,
          );
        }
        if (!/^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/.test(rule?.id ?? '')) {
          throw new Error(
            `check rule '${rule?.id}': an id looks like family/name in lower case, e.g. acme/topic-prefix`,
          );
        }
        if (checkRules.some(r => r.id === rule.id)) {
          throw new Error(
            `check rule '${rule.id}' is already registered; give the new rule another id`,
          );
        }
        checkRules.push(rule);
      },
    };
    BUILTIN_CHECK_RULES.forEach(rule => checksExtensionPoint.addRule(rule));
    env.registerExtensionPoint(
      interchangeChecksExtensionPoint,
      checksExtensionPoint,
    );
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        events: eventsServiceRef,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
        // One registry per backend, shared with the catalog and scaffolder modules.
        clusters: kafkaClustersServiceRef,
        rabbitmqBrokers: rabbitmqBrokersServiceRef,
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
          clusters,
        } = deps;
        deps.permissionsRegistry.addPermissions(interchangePermissions);
        // Before anything starts: an unknown rule id in interchange.checks
        // fails start-up, naming the key.
        rulesLocked = true;
        const checksSettings = readChecksSettings(config, checkRules);
        // The bounds mesh files are read within, before any is read.
        readInputLimits(config);
        // A bad interchange.meshes entry fails start-up naming the key.
        const meshAccess = new MeshAccessService({
          meshes: readMeshes(config),
          logger,
        });
        // Likewise a malformed interchange.strategy.principles entry.
        const strategySettings = readStrategySettings(config, checkRules);
        // And a bad interchange.notifications value.
        const notificationSettings = readNotificationSettings(config);

        const db = await migrateDatabase(database);
        const problems = new DatabaseCatalogProblemsStore(db);
        await scheduleCatalogProblemsPruning({
          scheduler,
          logger,
          store: problems,
        });
        await subscribeToCatalogErrors({
          events: deps.events,
          store: problems,
          logger,
        });

        const history = new DatabaseLagHistoryStore(db);
        const live = new KafkaLiveState(
          clusters,
          history,
          readLagStatusSettings(config),
        );
        const depthHistory = new DatabaseDepthHistoryStore(db);
        const samplingSettings = readLagSamplingSettings(config);
        // The queue list shows rates from sampling's last statistics read,
        // at most one sampling interval old.
        const rabbitmq = new RabbitMQLiveState(
          deps.rabbitmqBrokers,
          depthHistory,
          {
            ratesMaxAgeMs: durationToMilliseconds(samplingSettings.frequency),
          },
        );
        // One sampling for every bus, through the broker-neutral layer.
        await scheduleLagSampling({
          settings: samplingSettings,
          scheduler,
          logger,
          buses: [new KafkaBusLiveState(live, history), rabbitmq],
        });

        const webhookSettings = readWebhookSettings(config);
        const deliveries = new DatabaseDeliveryStore(db);
        await scheduler.scheduleTask({
          id: 'interchange-webhook-deliveries-retention',
          frequency: { hours: 1 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const removed = await deliveries.prune(
              Date.now() - webhookSettings.retentionMs,
            );
            if (removed) {
              logger.info(
                `Removed ${removed} webhook deliveries past retention`,
              );
            }
            const cleared = await deliveries.prunePayloads(
              Date.now() - webhookSettings.payloadRetentionMs,
            );
            if (cleared) {
              logger.info(
                `Cleared the payloads of ${cleared} webhook deliveries past interchange.webhooks.payloadRetention`,
              );
            }
          },
        });

        // One-time secret links (the webhook template's new secrets): a bad
        // key fails start-up; no key in production turns them off.
        const secretLinkSettings = readSecretLinkSettings(config, logger);
        const secretLinks = new DatabaseSecretLinkStore(db);
        await scheduler.scheduleTask({
          id: 'interchange-secret-links-expiry',
          frequency: { minutes: 10 },
          timeout: { minutes: 1 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const removed = await secretLinks.pruneExpired(Date.now());
            if (removed) {
              logger.info(`Removed ${removed} expired secret links, unopened`);
            }
          },
        });

        const checks = new DatabaseChecksStore(db);
        // The company map laid out ahead of time, each time the graph is
        // read again (the checks task, impact requests, the map's layouts).
        const mapLayouts = new MapLayouts({ logger });
        const graphs = new IntegrationGraphCache({
          catalog: deps.catalog,
          auth: deps.auth,
          onRead: entities => mapLayouts.update(entities),
        });
        await scheduleIntegrationChecks({
          settings: checksSettings,
          scheduler,
          graphs,
          store: checks,
          logger,
          // Drift and idleness from the brokers, the gateway provider and
          // the delivery log; the mesh/* rules from interchange.meshes.
          liveData: async (graph, now) => ({
            ...(await collectLiveData(
              graph,
              {
                clusters,
                deliveries,
                watch: new DatabaseActivityWatchStore(db),
                logger,
              },
              now,
            )),
            ...(meshAccess.configured
              ? { meshes: (await meshAccess.data(graph)).meshes }
              : {}),
          }),
        });

        // Owners hear about state changes (a group turning STOPPED, drift, a
        // failing endpoint, a new error finding) once per change.
        await new InterchangeNotifier({
          settings: notificationSettings,
          notifications: deps.notifications,
          store: new NotificationStateStore(db),
          catalog: deps.catalog,
          auth: deps.auth,
          live,
          deliveries,
          checks,
          logger,
        }).schedule(scheduler);

        // The same answers for MCP clients and other plugins (ids
        // interchange:<name>), run with the caller's credentials.
        registerInterchangeActions(deps.actionsRegistry, {
          catalog: deps.catalog,
          permissions,
          live,
          history,
          checks,
          graphs,
        });

        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // Senders outside Backstage have no Backstage token; the signature
        // check in the route is the authentication.
        httpRouter.addAuthPolicy({
          path: '/webhooks/:namespace/:name/receive',
          allow: 'unauthenticated',
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            problems,
            permissions,
            catalog: deps.catalog,
            live,
            history,
            rabbitmq,
            auth: deps.auth,
            events: deps.events,
            logger,
            store: deliveries,
            settings: webhookSettings,
            checks,
            graphs,
            mapLayouts,
            meshAccess,
            secretLinks,
            secretLinkSettings,
            strategy: new StrategyGenerator({
              settings: strategySettings,
              graphs,
              checks,
              snapshots: new DatabaseStrategySnapshotStore(db),
            }),
          }),
        );
      },
    });
  },
});
