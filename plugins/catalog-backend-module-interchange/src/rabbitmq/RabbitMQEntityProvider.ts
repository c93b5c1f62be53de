import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
} from '@backstage/catalog-model';
import {
  CatalogService,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_DISCOVERED,
  getRabbitMQExchangeName,
  getRabbitMQQueueName,
  getRabbitMQVhost,
  isRabbitMQExchangeEntity,
  isRabbitMQQueueEntity,
  RABBITMQ_EXCHANGE_KIND,
  RABBITMQ_QUEUE_KIND,
  rabbitmqEntitiesFromTopology,
  RabbitMQTopology,
} from '@interchange/plugin-interchange-common';
import {
  describeRabbitMQError,
  RabbitMQBrokers,
} from '@interchange/plugin-interchange-node';
import { RabbitMQProviderConfig } from './readRabbitMQProviderConfigs';

/**
 * Creates RabbitMQExchange and RabbitMQQueue entities for the exchanges and
 * queues of a broker that no catalog file declares, owned by a default
 * owner until a team declares them.
 *
 * Safety, like the Kafka topic provider: it replaces its entities with a full
 * mutation only after every read succeeded. When the broker or the catalog
 * cannot be read it applies nothing and logs why, so an outage never removes
 * entities; the next scheduled run recovers.
 *
 * @public
 */
export class RabbitMQEntityProvider implements EntityProvider {
  readonly #config: RabbitMQProviderConfig;
  readonly #brokers: RabbitMQBrokers;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #taskRunner?: SchedulerServiceTaskRunner;
  #connection?: EntityProviderConnection;

  constructor(options: {
    config: RabbitMQProviderConfig;
    brokers: RabbitMQBrokers;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    taskRunner?: SchedulerServiceTaskRunner;
  }) {
    this.#config = options.config;
    this.#brokers = options.brokers;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
  }

  getProviderName(): string {
    return `interchange-rabbitmq:${this.#config.id}`;
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
    return `interchange-rabbitmq:${this.#config.broker}`;
  }

  /** One run. Returns what it did, for tests and logs; never throws. */
  async refresh(): Promise<{
    applied: boolean;
    entities: number;
    reason?: string;
  }> {
    if (!this.#connection) {
      return { applied: false, entities: 0, reason: 'not connected' };
    }
    const { broker, defaultOwner, namespace, vhosts, exclude } = this.#config;
    try {
      const client = this.#brokers.client(broker);
      const [queues, exchanges, bindings, declared] = await Promise.all([
        client.listQueues(),
        client.listExchanges(),
        client.listBindings(),
        this.#declared(),
      ]);
      const keep = (vhost: string, name: string) =>
        (!vhosts || vhosts.test(vhost)) && !exclude?.test(name);
      const topology: RabbitMQTopology = {
        exchanges: exchanges.filter(
          e =>
            keep(e.vhost, e.name) &&
            !declared.exchanges.has(`${e.vhost}\u0000${e.name}`),
        ),
        queues: queues.filter(
          q =>
            keep(q.vhost, q.name) &&
            !q.autoDelete &&
            !declared.queues.has(`${q.vhost}\u0000${q.name}`),
        ),
        bindings,
      };
      const locationKey = this.#locationKey();
      const result = rabbitmqEntitiesFromTopology(topology, {
        broker,
        owner: defaultOwner,
        namespace,
        tags: ['discovered'],
        annotations: {
          [ANNOTATION_LOCATION]: locationKey,
          [ANNOTATION_ORIGIN_LOCATION]: locationKey,
          [ANNOTATION_DISCOVERED]: 'true',
        },
        description: (what, name) =>
          `Found on RabbitMQ broker ${broker}; no catalog file declares this ${what} (${name}) yet. Declare it in its owner's repository to add producers, consumers and bindings.`,
      });
      // Never take the name of an entity someone declared.
      const entities = [...result.exchanges, ...result.queues].map(e =>
        declared.names.has(`${e.kind}\u0000${e.metadata.name}`)
          ? {
              ...e,
              metadata: {
                ...e.metadata,
                name: `${e.metadata.name.slice(0, 52)}-discovered`,
              },
            }
          : e,
      );
      await this.#connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({ entity, locationKey })),
      });
      this.#logger.info(
        `RabbitMQ broker ${broker}: ${queues.length} queues and ${exchanges.length} exchanges, ${entities.length} added as discovered`,
      );
      return { applied: true, entities: entities.length };
    } catch (e) {
      const reason = describeRabbitMQError(e);
      this.#logger.warn(
        `Not updating discovered exchanges and queues of RabbitMQ broker ${broker}: ${reason}. Existing entities are kept; the next run retries.`,
      );
      return { applied: false, entities: 0, reason };
    }
  }

  /** Exchanges, queues and entity names that catalog files already declare for this broker. */
  async #declared() {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const { items } = await this.#catalog.getEntities(
      {
        filter: [
          { kind: RABBITMQ_QUEUE_KIND, 'spec.broker': this.#config.broker },
          { kind: RABBITMQ_EXCHANGE_KIND, 'spec.broker': this.#config.broker },
        ],
      },
      { credentials },
    );
    const own = items.filter(
      e => e.metadata.annotations?.[ANNOTATION_DISCOVERED] !== 'true',
    );
    const queues = new Set<string>();
    const exchanges = new Set<string>();
    const names = new Set<string>();
    for (const e of own) {
      names.add(`${e.kind}\u0000${e.metadata.name}`);
      if (isRabbitMQQueueEntity(e)) {
        queues.add(`${getRabbitMQVhost(e)}\u0000${getRabbitMQQueueName(e)}`);
      } else if (isRabbitMQExchangeEntity(e)) {
        exchanges.add(
          `${getRabbitMQVhost(e)}\u0000${getRabbitMQExchangeName(e)}`,
        );
      }
    }
    return { queues, exchanges, names };
  }
}
