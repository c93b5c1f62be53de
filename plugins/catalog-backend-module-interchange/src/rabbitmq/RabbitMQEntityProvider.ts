import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
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
  RabbitMQBindingLive,
  rabbitmqEntitiesFromTopology,
  RabbitMQExchangeLive,
  RabbitMQQueueLive,
  RabbitMQTopology,
} from '@interchange/plugin-interchange-common';
import {
  describeRabbitMQError,
  RabbitMQBrokers,
} from '@interchange/plugin-interchange-node';
import { discoveredName, LiveSourceSync } from '../providers/LiveSourceSync';
import { RabbitMQProviderConfig } from './readRabbitMQProviderConfigs';

/**
 * Creates RabbitMQExchange and RabbitMQQueue entities for the exchanges and
 * queues of a broker that no catalog file declares, owned by a default
 * owner until a team declares them.
 *
 * Safety, like the Kafka topic provider (both run on LiveSourceSync): it replaces its entities with a full
 * mutation only after every read succeeded. When the broker or the catalog
 * cannot be read it applies nothing and logs why, so an outage never removes
 * entities; the next scheduled run recovers.
 *
 * @public
 */
export class RabbitMQEntityProvider implements EntityProvider {
  readonly #config: RabbitMQProviderConfig;
  readonly #sync: LiveSourceSync<BrokerTopology>;

  constructor(options: {
    config: RabbitMQProviderConfig;
    brokers: RabbitMQBrokers;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    taskRunner?: SchedulerServiceTaskRunner;
  }) {
    const { config, brokers } = options;
    const { broker } = config;
    this.#config = config;
    this.#sync = new LiveSourceSync({
      ...options,
      providerName: this.getProviderName(),
      locationKey: this.#locationKey(),
      what: `discovered exchanges and queues of RabbitMQ broker ${broker}`,
      declaredFilter: [
        { kind: RABBITMQ_QUEUE_KIND, 'spec.broker': broker },
        { kind: RABBITMQ_EXCHANGE_KIND, 'spec.broker': broker },
      ],
      readSource: async () => {
        const client = brokers.client(broker);
        const [queues, exchanges, bindings] = await Promise.all([
          client.listQueues(),
          client.listExchanges(),
          client.listBindings(),
        ]);
        return { queues, exchanges, bindings };
      },
      toEntities: (topology, declared) => this.#toEntities(topology, declared),
      describeError: describeRabbitMQError,
    });
  }

  getProviderName(): string {
    return `interchange-rabbitmq:${this.#config.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    await this.#sync.connect(connection);
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
    return this.#sync.refresh();
  }

  /** Exchanges and queues no catalog file declares for this broker, as entities. */
  #toEntities(
    { queues, exchanges, bindings }: BrokerTopology,
    declaredEntities: Entity[],
  ) {
    const { broker, defaultOwner, namespace, vhosts, exclude } = this.#config;
    const declared = declaredKeys(declaredEntities);
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
    const entities = [...result.exchanges, ...result.queues].map(e => {
      const name = discoveredName(
        e.metadata.name,
        declared.names.has(`${e.kind}\u0000${e.metadata.name}`),
      );
      return name === e.metadata.name
        ? e
        : { ...e, metadata: { ...e.metadata, name } };
    });
    return {
      entities,
      summary: `RabbitMQ broker ${broker}: ${queues.length} queues and ${exchanges.length} exchanges, ${entities.length} added as discovered`,
    };
  }
}

/** What one read of a broker returns. */
interface BrokerTopology {
  queues: RabbitMQQueueLive[];
  exchanges: RabbitMQExchangeLive[];
  bindings: RabbitMQBindingLive[];
}

/** Exchanges, queues and entity names that catalog files declare. */
function declaredKeys(own: Entity[]) {
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
