import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readKafkaClusters } from '../config/readKafkaClusters';
import { KafkaClusters } from '../kafka/KafkaClusters';

/**
 * The Kafka clusters of `interchange.kafka.clusters`, one registry (and so
 * one connection per cluster) for the whole backend process: the
 * Interchange backend plugin, its catalog module and its scaffolder module
 * all depend on this ref instead of connecting on their own.
 *
 * Root scoped and lazy: built on first use, closed when the backend stops.
 * Adopters can replace it, e.g. to supply clusters from elsewhere:
 *
 * ```ts
 * backend.add(
 *   createServiceFactory({
 *     service: kafkaClustersServiceRef,
 *     deps: {},
 *     factory: () => new KafkaClusters(myClusters),
 *   }),
 * );
 * ```
 *
 * @public
 */
export const kafkaClustersServiceRef = createServiceRef<KafkaClusters>({
  id: 'interchange.kafka-clusters',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      initialization: 'lazy',
      deps: {
        config: coreServices.rootConfig,
        lifecycle: coreServices.rootLifecycle,
      },
      factory({ config, lifecycle }) {
        const clusters = new KafkaClusters(readKafkaClusters(config));
        lifecycle.addShutdownHook(() => clusters.close());
        return clusters;
      },
    }),
});
