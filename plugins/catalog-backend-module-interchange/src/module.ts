import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import {
  KafkaClusters,
  readGateways,
  readKafkaClusters,
} from '@interchange/plugin-interchange-node';
import { ScmIntegrations } from '@backstage/integration';
import {
  GATEWAY_CONFIG_LOCATION_TYPE,
  GatewayConfigLocationProcessor,
} from './processor/GatewayConfigLocationProcessor';
import { GatewayRoutesEntityProvider } from './providers/GatewayRoutesEntityProvider';
import { InterchangeEntitiesProcessor } from './processor/InterchangeEntitiesProcessor';
import { KafkaTopicEntityProvider } from './providers/KafkaTopicEntityProvider';
import { readKafkaTopicProviderConfigs } from './providers/KafkaTopicEntityProviderConfig';

/**
 * Adds the Interchange kinds (KafkaTopic, GatewayRoute, Webhook) and their
 * relations to the catalog, the `interchange-gateway-config` location type,
 * and the entity providers configured under `catalog.providers.interchangeKafka`
 * and `interchange.gateways`.
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
        urlReader: coreServices.urlReader,
        catalogLocations: catalogLocationsExtensionPoint,
      },
      async init({
        catalogProcessing,
        config,
        logger,
        scheduler,
        auth,
        lifecycle,
        catalog,
        urlReader,
        catalogLocations,
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

        // Gateways with configuration files or a Kong Admin API become
        // GatewayRoute entities, one provider per gateway.
        const gatewaysConfig = config.getOptionalConfig(
          'catalog.providers.interchangeGateways',
        );
        const schedule = gatewaysConfig?.has('schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              gatewaysConfig.getConfig('schedule'),
            )
          : {
              frequency: { minutes: 30 },
              timeout: { minutes: 5 },
              initialDelay: { seconds: 15 },
            };
        const defaultOwner =
          gatewaysConfig?.getOptionalString('defaultOwner') ??
          'group:default/platform';
        const defaultSystem =
          gatewaysConfig?.getOptionalString('defaultSystem');
        const gateways = readGateways(config);
        // Gateway configuration files in repositories, listed by Location
        // entities of type `interchange-gateway-config`. The catalog only
        // follows Locations of allowed types (default just `url`).
        catalogLocations.setAllowedLocationTypes([
          'url',
          GATEWAY_CONFIG_LOCATION_TYPE,
        ]);
        catalogProcessing.addProcessor(
          new GatewayConfigLocationProcessor({
            reader: urlReader,
            integrations: ScmIntegrations.fromConfig(config),
            gateways,
            catalog,
            auth,
            logger,
            defaultOwner,
            defaultSystem,
            configuredTargets:
              GatewayConfigLocationProcessor.configuredTargets(config),
          }),
        );
        for (const gateway of gateways) {
          if (!gateway.files.length && !gateway.adminUrl) {
            continue;
          }
          catalogProcessing.addEntityProvider(
            new GatewayRoutesEntityProvider({
              gateway,
              defaultOwner,
              defaultSystem,
              catalog,
              auth,
              logger,
              taskRunner: scheduler.createScheduledTaskRunner(schedule),
            }),
          );
        }
      },
    });
  },
});
