import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  interchangeConfigFormatsExtensionPoint,
  kafkaClustersServiceRef,
  rabbitmqBrokersServiceRef,
  readGateways,
  readInputLimits,
  readMeshes,
} from '@interchange/plugin-interchange-node';
import { ScmIntegrations } from '@backstage/integration';
import {
  GATEWAY_CONFIG_LOCATION_TYPE,
  GatewayConfigLocationProcessor,
} from './processor/GatewayConfigLocationProcessor';
import { GatewayRoutesEntityProvider } from './providers/GatewayRoutesEntityProvider';
import { ComponentIndex, createConfigFormats } from './ingestion';
import { InterchangeEntitiesProcessor } from './processor/InterchangeEntitiesProcessor';
import { KafkaTopicEntityProvider } from './providers/KafkaTopicEntityProvider';
import { readGatewayProviderSettings } from './config/readGatewayProviderSettings';
import { readKafkaTopicProviderConfigs } from './config/readKafkaTopicProviderConfigs';
import {
  RABBITMQ_DEFINITIONS_LOCATION_TYPE,
  RabbitMQDefinitionsLocationProcessor,
} from './rabbitmq/RabbitMQDefinitionsLocationProcessor';
import { RabbitMQEntityProvider } from './rabbitmq/RabbitMQEntityProvider';
import { MeshAccessProcessor } from './mesh/MeshAccessProcessor';
import { readRabbitMQProviderConfigs } from './rabbitmq/readRabbitMQProviderConfigs';

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
    // Configuration file formats: the built-in ones, then those other
    // catalog modules add (the backend starts them before this one); no
    // more once this module starts.
    const formats = createConfigFormats();
    reg.registerExtensionPoint(
      interchangeConfigFormatsExtensionPoint,
      formats.extensionPoint,
    );
    reg.registerInit({
      deps: {
        catalogProcessing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        urlReader: coreServices.urlReader,
        catalogLocations: catalogLocationsExtensionPoint,
        // One registry per backend, shared with the Interchange plugin.
        clusters: kafkaClustersServiceRef,
        rabbitmqBrokers: rabbitmqBrokersServiceRef,
      },
      async init({
        catalogProcessing,
        config,
        logger,
        scheduler,
        auth,
        catalog,
        urlReader,
        catalogLocations,
        clusters,
        rabbitmqBrokers,
      }) {
        // Modules adding formats started before this one (they depend on
        // its extension point), so the registry is complete here; a
        // gateway's `type` may be any registered format.
        formats.lock();
        // Before any file is read: the bounds files are read within
        // (a bad value fails start-up naming the key).
        readInputLimits(config);
        const gatewayTypes = formats.registry.list().map(f => f.id);
        catalogProcessing.addProcessor(
          InterchangeEntitiesProcessor.fromConfig(config, {
            rabbitmqBrokers: rabbitmqBrokers.ids(),
            logger,
            gatewayTypes,
          }),
        );

        const providers = readKafkaTopicProviderConfigs(config);
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

        // Gateways with configuration files or a Kong Admin API become
        // GatewayRoute entities, one provider per gateway.
        const { schedule, defaultOwner, defaultSystem } =
          readGatewayProviderSettings(config);
        const gateways = readGateways(config, { types: gatewayTypes });
        // One component index for linking routes, shared by the location
        // processor and every gateway provider (refresh rule: ComponentIndex).
        const components = new ComponentIndex({ catalog, auth });
        // Service meshes' allow rules as mayCall / mayBeCalledBy between
        // components, resolved against the same component index.
        const meshes = readMeshes(config);
        if (meshes.length) {
          catalogProcessing.addProcessor(
            new MeshAccessProcessor({ meshes, components, logger }),
          );
        }
        // Gateway configuration files in repositories, listed by Location
        // entities of type `interchange-gateway-config`. The catalog only
        // follows Locations of allowed types (default just `url`).
        catalogLocations.setAllowedLocationTypes([
          'url',
          GATEWAY_CONFIG_LOCATION_TYPE,
          RABBITMQ_DEFINITIONS_LOCATION_TYPE,
        ]);
        // RabbitMQ definitions files in repositories, and brokers whose
        // undeclared exchanges and queues become discovered entities.
        catalogProcessing.addProcessor(
          new RabbitMQDefinitionsLocationProcessor({
            reader: urlReader,
            integrations: ScmIntegrations.fromConfig(config),
            brokers: rabbitmqBrokers.ids(),
            defaultOwner,
            configuredTargets:
              RabbitMQDefinitionsLocationProcessor.configuredTargets(config),
            logger,
          }),
        );
        for (const providerConfig of readRabbitMQProviderConfigs(config)) {
          rabbitmqBrokers.config(providerConfig.broker); // fails start-up for an unknown broker id
          catalogProcessing.addEntityProvider(
            new RabbitMQEntityProvider({
              config: providerConfig,
              brokers: rabbitmqBrokers,
              catalog,
              auth,
              logger,
              taskRunner: scheduler.createScheduledTaskRunner(
                providerConfig.schedule,
              ),
            }),
          );
        }
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
            formats: formats.registry,
            components,
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
              formats: formats.registry,
              components,
            }),
          );
        }
        if (gateways.some(g => g.files.length || g.adminUrl)) {
          // Looks components up now and then, so providers re-link their
          // routes when components appear or change between their runs.
          await scheduler.scheduleTask({
            id: 'interchange-component-index:refresh',
            frequency: { minutes: 1 },
            timeout: { seconds: 30 },
            initialDelay: { seconds: 30 },
            scope: 'local',
            fn: async () => {
              await components.snapshot();
            },
          });
        }
      },
    });
  },
});
