import { NotFoundError } from '@backstage/errors';
import { RabbitMQBrokerConfig } from '../config/readRabbitMQBrokers';
import { RabbitMQManagementClient } from './RabbitMQManagementClient';

/**
 * What the API may show of a broker: no credentials, no TLS material.
 *
 * @public
 */
export interface RabbitMQBrokerSummary {
  id: string;
  title: string;
  managementUrl: string;
  dashboardUrl: string;
}

/**
 * The brokers of `interchange.rabbitmq.brokers`, one management client each,
 * shared by the backend plugin, the catalog module and the scaffolder module.
 *
 * @public
 */
export class RabbitMQBrokers {
  readonly #configs: RabbitMQBrokerConfig[];
  readonly #clients = new Map<string, RabbitMQManagementClient>();
  readonly #logger?: { warn(message: string): void };

  /**
   * `logger` hears why a broker's queue counts were read from the
   * management API although its `prometheusUrl` is set.
   */
  constructor(
    configs: RabbitMQBrokerConfig[],
    options: { logger?: { warn(message: string): void } } = {},
  ) {
    this.#configs = configs;
    this.#logger = options.logger;
  }

  list(): RabbitMQBrokerSummary[] {
    return this.#configs.map(c => this.summary(c.id));
  }

  ids(): string[] {
    return this.#configs.map(c => c.id);
  }

  /** The broker's config; a NotFoundError naming the known ids otherwise. */
  config(id: string): RabbitMQBrokerConfig {
    const config = this.#configs.find(c => c.id === id);
    if (!config) {
      throw new NotFoundError(
        `RabbitMQ broker '${id}' is not configured; configured brokers: ${
          this.#configs.map(c => `'${c.id}'`).join(', ') || 'none'
        } (interchange.rabbitmq.brokers)`,
      );
    }
    return config;
  }

  summary(id: string): RabbitMQBrokerSummary {
    const c = this.config(id);
    return {
      id: c.id,
      title: c.title,
      managementUrl: c.managementUrl,
      dashboardUrl: c.dashboardUrl,
    };
  }

  client(id: string): RabbitMQManagementClient {
    let client = this.#clients.get(id);
    if (!client) {
      client = new RabbitMQManagementClient(this.config(id), {
        logger: this.#logger,
      });
      this.#clients.set(id, client);
    }
    return client;
  }

  close(): void {
    for (const client of this.#clients.values()) {
      client.close();
    }
    this.#clients.clear();
  }
}
