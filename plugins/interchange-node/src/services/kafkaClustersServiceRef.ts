import { createRegistryServiceRef } from './createRegistryServiceRef';
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
export const kafkaClustersServiceRef = createRegistryServiceRef(
  'interchange.kafka-clusters',
  config => new KafkaClusters(readKafkaClusters(config)),
);
