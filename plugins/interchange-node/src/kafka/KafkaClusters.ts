import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { KafkaClusterConfig } from '../config/readKafkaClusters';
import { Reachability, withUnreachableSince } from '../liveState/Reachability';
import {
  describeKafkaError,
  isBackstageRefusal,
  kafkaRefusalError,
} from './kafkaErrors';
import { KafkajsAdminClient } from './KafkajsAdminClient';
import { createOAuthTokenProvider } from './oauthToken';
import { PlatformaticAdminClient } from './PlatformaticAdminClient';
import { KafkaAdapterName, KafkaAdminClient } from './types';

/** Concurrent admin calls per cluster: enough for a page's cards, gentle on brokers. */
const MAX_CONCURRENT_CALLS = 4;

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
 * One long-lived admin client per configured cluster (and adapter asked
 * for), created on first use and reused by every request. Each call is
 * bounded by the cluster's timeout and a per-cluster concurrency limit.
 *
 * A broker's refusal keeps its meaning: topic already exists is a
 * ConflictError, invalid topic/config/partitions/policy an InputError, not
 * authorized a NotAllowedError, unknown topic or group a NotFoundError. Any
 * other failure (connection, timeout, authentication) becomes a 503 that
 * names the cluster, since when it is unreachable (also as the error's
 * `unreachableSince`) and the cause, and drops the client so the next call
 * reconnects. The outage is dated from the first failed call of any user of
 * this registry (lag sampling included) and ends with the first answer.
 *
 * One instance serves a whole backend: depend on `kafkaClustersServiceRef`
 * instead of constructing it.
 *
 * @public
 */
export class KafkaClusters {
  readonly #configs: Map<string, KafkaClusterConfig>;
  readonly #clients = new Map<string, KafkaAdminClient>();
  readonly #limits = new Map<string, Semaphore>();
  readonly #reachability: Reachability;
  readonly #createClient: (
    config: KafkaClusterConfig,
    adapter: KafkaAdapterName,
  ) => KafkaAdminClient;

  constructor(
    configs: KafkaClusterConfig[],
    options: {
      /** Builds a cluster's admin client; default `createKafkaAdminClient`. */
      createClient?: (
        config: KafkaClusterConfig,
        adapter: KafkaAdapterName,
      ) => KafkaAdminClient;
      /** Clock of the outage times; default `Date.now`. */
      now?: () => number;
    } = {},
  ) {
    this.#configs = new Map(configs.map(c => [c.id, c]));
    this.#createClient = options.createClient ?? createKafkaAdminClient;
    this.#reachability = new Reachability({ now: options.now });
  }

  /**
   * When the cluster was first found unreachable (ms since the epoch), or
   * undefined while it answers (or before anyone asked).
   */
  unreachableSince(clusterId: string): number | undefined {
    return this.#reachability.unreachableSince(clusterId);
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

  /**
   * Runs `fn` with the cluster's admin client, bounded in time and
   * concurrency. `operation` completes "while trying to ..." in errors.
   * The client is always the cluster's configured adapter: both adapters
   * offer every operation (validate-only creation included), so no caller
   * picks one by itself.
   */
  async run<T>(
    clusterId: string,
    operation: string,
    fn: (admin: KafkaAdminClient) => Promise<T>,
  ): Promise<T> {
    const config = this.config(clusterId);
    const adapter = config.adapter;
    const clientKey = `${clusterId}/${adapter}`;
    let limit = this.#limits.get(clusterId);
    if (!limit) {
      limit = new Semaphore(MAX_CONCURRENT_CALLS);
      this.#limits.set(clusterId, limit);
    }
    const release = await limit.acquire();
    let client = this.#clients.get(clientKey);
    if (!client) {
      client = this.#createClient(config, adapter);
      this.#clients.set(clientKey, client);
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
      const result = await Promise.race([fn(client), timeout]);
      this.#reachability.answered(clusterId);
      return result;
    } catch (error) {
      if (isBackstageRefusal(error)) {
        // Raised from what the cluster answered (unknown topic, ...).
        this.#reachability.answered(clusterId);
        throw error;
      }
      // The broker answered: the connection is fine, the request is not.
      const refusal = kafkaRefusalError(clusterId, operation, error);
      if (refusal) {
        this.#reachability.answered(clusterId);
        throw refusal;
      }
      // A failed connection can leave a client in a half-open state; start
      // afresh on the next call so a recovered cluster is picked up.
      this.#clients.delete(clientKey);
      client.close().catch(() => {});
      const since = this.#reachability.failed(clusterId);
      throw withUnreachableSince(
        new ServiceUnavailableError(
          `Kafka cluster ${clusterId} unreachable since ${new Date(
            since,
          ).toISOString()} while trying to ${operation}: ${describeKafkaError(
            error,
          )}`,
        ),
        since,
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
