import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  CatalogService,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import {
  getKafkaTopicName,
  isKafkaTopicEntity,
  KAFKA_TOPIC_KIND,
} from '@interchange/plugin-interchange-common';
import {
  describeKafkaError,
  KafkaClusters,
  KafkaTopicMetadata,
} from '@interchange/plugin-interchange-node';
import { KafkaTopicProviderConfig } from '../config/readKafkaTopicProviderConfigs';
import { discoveredTopicEntity, entityNameForTopic } from './kafkaTopicEntity';
import { discoveredName, LiveSourceSync } from './LiveSourceSync';

/**
 * Creates KafkaTopic entities for the topics of a cluster that no catalog
 * file declares, so the catalog shows every topic, owned by a default owner
 * until a team declares it.
 *
 * Safety (the skeleton every live-source provider shares, LiveSourceSync):
 * it replaces its entities with a full mutation only after every read
 * succeeded. On any error (cluster unreachable, catalog not answering) it
 * applies nothing and logs why, so an outage never empties the catalog; the
 * next scheduled run recovers.
 *
 * @public
 */
export class KafkaTopicEntityProvider implements EntityProvider {
  readonly #config: KafkaTopicProviderConfig;
  readonly #sync: LiveSourceSync<KafkaTopicMetadata[]>;

  constructor(options: {
    config: KafkaTopicProviderConfig;
    clusters: KafkaClusters;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    taskRunner?: SchedulerServiceTaskRunner;
  }) {
    const { config, clusters } = options;
    const { cluster, include, exclude } = config;
    this.#config = config;
    this.#sync = new LiveSourceSync({
      ...options,
      providerName: this.getProviderName(),
      locationKey: `interchange-kafka:${cluster}`,
      what: `discovered topics of Kafka cluster ${cluster}`,
      declaredFilter: { kind: KAFKA_TOPIC_KIND, 'spec.cluster': cluster },
      readSource: () =>
        clusters.run(cluster, 'list topics for the catalog', async admin => {
          const names = (await admin.listTopics()).filter(
            t => (!include || include.test(t)) && !exclude.test(t),
          );
          return admin.describeTopics(names);
        }),
      toEntities: (topics, declared) => this.#toEntities(topics, declared),
      describeError: describeKafkaError,
    });
  }

  getProviderName(): string {
    return `interchange-kafka-topics:${this.#config.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    await this.#sync.connect(connection);
  }

  /**
   * One run. Returns what it did, for tests and logs; never throws.
   */
  async refresh(): Promise<{
    applied: boolean;
    entities: number;
    reason?: string;
  }> {
    return this.#sync.refresh();
  }

  /** Topics no catalog file declares for this cluster, as entities. */
  #toEntities(topics: KafkaTopicMetadata[], declaredEntities: Entity[]) {
    const { cluster, defaultOwner, namespace } = this.#config;
    const declared = declaredEntities.filter(isKafkaTopicEntity);
    const declaredTopics = new Set(declared.map(e => getKafkaTopicName(e)));
    const declaredNames = new Set(declared.map(e => e.metadata.name));
    const locationKey = `interchange-kafka:${cluster}`;
    const entities = topics
      .filter(t => !declaredTopics.has(t.name))
      .map(t => {
        const name = entityNameForTopic(t.name);
        return discoveredTopicEntity({
          cluster,
          topic: t.name,
          partitions: t.partitions.length,
          replicationFactor: Math.max(
            0,
            ...t.partitions.map(p => p.replicas.length),
          ),
          owner: defaultOwner,
          namespace,
          name: discoveredName(name, declaredNames.has(name)),
          locationKey,
        });
      });
    return {
      entities,
      summary: `Kafka cluster ${cluster}: ${topics.length} topics, ${declaredTopics.size} declared in catalog files, ${entities.length} added as discovered`,
    };
  }
}
