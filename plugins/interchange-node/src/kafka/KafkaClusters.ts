import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { KafkaClusterConfig } from '../config/readInterchangeConfig';
import { KafkajsAdminClient } from './KafkajsAdminClient';
import { createOAuthTokenProvider } from './oauthToken';
import { PlatformaticAdminClient } from './PlatformaticAdminClient';
import { KafkaAdapterName, KafkaAdminClient } from './types';

/** Concurrent admin calls per cluster: enough for a page's cards, gentle on brokers. */
const MAX_CONCURRENT_CALLS = 4;

/** The most specific message in a (possibly nested) client error. */
export function describeKafkaError(error: unknown): string {
  let e: any = error;
  const seen = new Set<unknown>();
  while (e && !seen.has(e)) {
    seen.add(e);
    const nested = e.errors?.[0] ?? e.cause;
    if (!nested || nested === e) {
      break;
    }
    e = nested;
  }
  const message = String(e?.message ?? e ?? 'unknown error');
  // kafkajs gives the broker's error name in `type` and its number in `code`.
  const name = e?.type ?? e?.code;
  const code = name && !message.includes(String(name)) ? ` (${name})` : '';
  return `${message}${code}`;
}

class Semaphore {
  #free: number;
  readonly #waiting: Array<() => void> = [];
  constructor(size: number) {
    this.#free = size;
  }
  async acquire(): Promise<() => void> {
    if (this.#free > 0) {
      this.#free -= 1;
    } else {
      await new Promise<void>(resolve => this.#waiting.push(resolve));
    }
    return () => {
      const next = this.#waiting.shift();
      if (next) {
        next();
      } else {
        this.#free += 1;
      }
    };
  }
}

/**
 * One long-lived admin client per configured cluster, created on first use
 * and reused by every request. Each call is bounded by the cluster's timeout
 * and a per-cluster concurrency limit; failures become a 503 that names the
 * cluster and the cause, and drop the client so the next call reconnects.
 *
 * @public
 */
export class KafkaClusters {
  readonly #configs: Map<string, KafkaClusterConfig>;
  readonly #clients = new Map<string, KafkaAdminClient>();
  readonly #limits = new Map<string, Semaphore>();
  readonly #createClient: (config: KafkaClusterConfig) => KafkaAdminClient;

  constructor(
    configs: KafkaClusterConfig[],
    options: {
      createClient?: (config: KafkaClusterConfig) => KafkaAdminClient;
    } = {},
  ) {
    this.#configs = new Map(configs.map(c => [c.id, c]));
    this.#createClient = options.createClient ?? createKafkaAdminClient;
  }

  list(): KafkaClusterConfig[] {
    return [...this.#configs.values()];
  }

  config(clusterId: string): KafkaClusterConfig {
    const config = this.#configs.get(clusterId);
    if (!config) {
      const known = [...this.#configs.keys()];
      throw new NotFoundError(
        `Kafka cluster '${clusterId}' is not configured; ${
          known.length
            ? `configured clusters: ${known.join(', ')}`
            : 'no clusters are configured under interchange.kafka.clusters'
        }`,
      );
    }
    return config;
  }

  /** Runs `fn` with the cluster's admin client, bounded in time and concurrency. */
  async run<T>(
    clusterId: string,
    operation: string,
    fn: (admin: KafkaAdminClient) => Promise<T>,
  ): Promise<T> {
    const config = this.config(clusterId);
    let limit = this.#limits.get(clusterId);
    if (!limit) {
      limit = new Semaphore(MAX_CONCURRENT_CALLS);
      this.#limits.set(clusterId, limit);
    }
    const release = await limit.acquire();
    let client = this.#clients.get(clusterId);
    if (!client) {
      client = this.#createClient(config);
      this.#clients.set(clusterId, client);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `no answer within ${
                config.requestTimeoutMs
              } ms from ${config.brokers.join(', ')}`,
            ),
          ),
        config.requestTimeoutMs,
      );
    });
    try {
      return await Promise.race([fn(client), timeout]);
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw error;
      }
      // A failed connection can leave a client in a half-open state; start
      // afresh on the next call so a recovered cluster is picked up.
      this.#clients.delete(clusterId);
      client.close().catch(() => {});
      throw new ServiceUnavailableError(
        `Kafka cluster ${clusterId} unreachable while trying to ${operation}: ${describeKafkaError(
          error,
        )}`,
      );
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  async close(): Promise<void> {
    const clients = [...this.#clients.values()];
    this.#clients.clear();
    await Promise.allSettled(clients.map(c => c.close()));
  }
}

/**
 * The admin client for a cluster's configured adapter.
 *
 * @public
 */
export function createKafkaAdminClient(
  config: KafkaClusterConfig,
  adapter: KafkaAdapterName = config.adapter,
): KafkaAdminClient {
  const oauthToken =
    config.sasl?.mechanism === 'oauthbearer'
      ? createOAuthTokenProvider(config.sasl.oauthbearer)
      : undefined;
  return adapter === 'kafkajs'
    ? new KafkajsAdminClient(config, { oauthToken })
    : new PlatformaticAdminClient(config, { oauthToken });
}
