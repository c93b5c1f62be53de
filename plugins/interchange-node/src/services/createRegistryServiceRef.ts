import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
  ServiceRef,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/**
 * A root-scoped, lazy service ref for a registry of connections read from
 * the root config (Kafka clusters, RabbitMQ brokers): built on first use,
 * so one registry, and so one connection pool per cluster or broker, serves
 * every plugin and module of the backend process; closed when it stops.
 */
export function createRegistryServiceRef<
  T extends { close(): void | Promise<void> },
>(
  id: string,
  create: (config: Config, logger: LoggerService) => T,
): ServiceRef<T, 'root', 'singleton'> {
  return createServiceRef<T>({
    id,
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        initialization: 'lazy',
        deps: {
          config: coreServices.rootConfig,
          lifecycle: coreServices.rootLifecycle,
          logger: coreServices.rootLogger,
        },
        factory({ config, lifecycle, logger }) {
          const registry = create(config, logger);
          lifecycle.addShutdownHook(() => registry.close());
          return registry;
        },
      }),
  });
}
