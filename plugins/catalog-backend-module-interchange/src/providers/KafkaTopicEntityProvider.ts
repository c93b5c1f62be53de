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
import {
  ANNOTATION_DISCOVERED,
  getKafkaTopicName,
  isKafkaTopicEntity,
  KAFKA_TOPIC_KIND,
} from '@interchange/plugin-interchange-common';
import {
  describeKafkaError,
  KafkaClusters,
} from '@interchange/plugin-interchange-node';
import { KafkaTopicProviderConfig } from '../config/readKafkaTopicProviderConfigs';
import { discoveredTopicEntity, entityNameForTopic } from './kafkaTopicEntity';

/**
 * Creates KafkaTopic entities for the topics of a cluster that no catalog
 * file declares, so the catalog shows every topic, owned by a default owner
 * until a team declares it.
 *
 * Safety: it replaces its entities with a full mutation only after every
 * read succeeded. On any error (cluster unreachable, catalog not answering)
 * it applies nothing and logs why, so an outage never empties the catalog;
 * the next scheduled run recovers.
 *
 * @public
 */
export class KafkaTopicEntityProvider implements EntityProvider {
  readonly #config: KafkaTopicProviderConfig;
  readonly #clusters: KafkaClusters;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #taskRunner?: SchedulerServiceTaskRunner;
  #connection?: EntityProviderConnection;

  constructor(options: {
    config: KafkaTopicProviderConfig;
    clusters: KafkaClusters;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    taskRunner?: SchedulerServiceTaskRunner;
  }) {
    this.#config = options.config;
    this.#clusters = options.clusters;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
  }

  getProviderName(): string {
    return `interchange-kafka-topics:${this.#config.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner?.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  #locationKey(): string {
    return `interchange-kafka:${this.#config.cluster}`;
  }

  /**
   * One run. Returns what it did, for tests and logs; never throws.
   */
  async refresh(): Promise<{
    applied: boolean;
    entities: number;
    reason?: string;
  }> {
    if (!this.#connection) {
      return { applied: false, entities: 0, reason: 'not connected' };
    }
    const { cluster, defaultOwner, namespace, include, exclude } = this.#config;
    try {
      const [topics, declared] = await Promise.all([
        this.#clusters.run(
          cluster,
          'list topics for the catalog',
          async admin => {
            const names = (await admin.listTopics()).filter(
              t => (!include || include.test(t)) && !exclude.test(t),
            );
            return admin.describeTopics(names);
          },
        ),
        this.#declaredTopics(),
      ]);
      const entities = topics
        .filter(t => !declared.topics.has(t.name))
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
            // Never take the name of an entity someone declared for another topic.
            name: declared.names.has(name)
              ? `${name.slice(0, 52)}-discovered`
              : name,
            locationKey: this.#locationKey(),
          });
        });
      await this.#connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({
          entity,
          locationKey: this.#locationKey(),
        })),
      });
      this.#logger.info(
        `Kafka cluster ${cluster}: ${topics.length} topics, ${declared.topics.size} declared in catalog files, ${entities.length} added as discovered`,
      );
      return { applied: true, entities: entities.length };
    } catch (e) {
      const reason = describeKafkaError(e);
      this.#logger.warn(
        `Not updating discovered topics of Kafka cluster ${cluster}: ${reason}. Existing entities are kept; the next run retries.`,
      );
      return { applied: false, entities: 0, reason };
    }
  }

  /** Topics and entity names that catalog files already declare for this cluster. */
  async #declaredTopics(): Promise<{
    topics: Set<string>;
    names: Set<string>;
  }> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const { items } = await this.#catalog.getEntities(
      {
        filter: {
          kind: KAFKA_TOPIC_KIND,
          'spec.cluster': this.#config.cluster,
        },
      },
      { credentials },
    );
    const declared = items.filter(
      e =>
        e.metadata.annotations?.[ANNOTATION_DISCOVERED] !== 'true' &&
        isKafkaTopicEntity(e),
    );
    return {
      topics: new Set(declared.map(e => getKafkaTopicName(e as any))),
      names: new Set(declared.map(e => e.metadata.name)),
    };
  }
}
