import {
  RabbitMQBindingLive,
  RabbitMQQueueLive,
  rabbitmqQueueStatus,
} from '@interchange/plugin-interchange-common';
import {
  BusBroker,
  BusLiveStateReader,
  DepthHistoryStore,
  DepthPoint,
  DestinationDepth,
  describeRabbitMQError,
  RabbitMQBrokers,
  RabbitMQManagementError,
} from '@interchange/plugin-interchange-node';
import { brokerUnavailable } from '../liveState';
import {
  RabbitMQBinding,
  RabbitMQBrokerSummary,
  RabbitMQQueueState,
} from '../schema/openapi/generated/models';
import { QueueRatesCache, queueKey } from './QueueRatesCache';

/** Depth points the status rules look at. */
const STATUS_WINDOW = 5;

/**
 * The history key of a queue: unique on its broker whatever the vhost
 * holds (a vhost may contain '/').
 */
export function queueDestination(vhost: string, name: string): string {
  return `${encodeURIComponent(vhost)}/${name}`;
}

function depthOf(q: RabbitMQQueueLive): number {
  return q.messages ?? (q.messagesReady ?? 0) + (q.messagesUnacknowledged ?? 0);
}

/** One queue on the broker (`live` undefined when it has none). */
export interface RabbitMQQueueDetail {
  live: RabbitMQQueueLive | undefined;
  state: RabbitMQQueueState | undefined;
  /** Bindings to named exchanges (the default exchange's left out). */
  bindings: RabbitMQBinding[];
  rawBindings: RabbitMQBindingLive[];
  history: DepthPoint[];
}

/**
 * What the shared live-state routes read of RabbitMQ: brokers, the queues
 * of a broker (of one vhost, or of all with an undefined scope), one queue
 * with its bindings and depth history.
 */
export interface RabbitMQReadTypes {
  broker: RabbitMQBrokerSummary;
  scope: string | undefined;
  destination: RabbitMQQueueState;
  ref: { vhost: string; queue: string };
  detail: RabbitMQQueueDetail;
}

/**
 * Live RabbitMQ state for the API, behind the broker-neutral
 * {@link BusLiveStateReader}: the shared sampling records queue depths next
 * to Kafka lag, and the shared route handlers read it.
 */
export class RabbitMQLiveState
  implements BusLiveStateReader<RabbitMQReadTypes>
{
  readonly bus = 'rabbitmq' as const;
  readonly #brokers: RabbitMQBrokers;
  readonly #history: DepthHistoryStore;
  readonly #rates: QueueRatesCache;

  /**
   * `ratesMaxAgeMs`: how old the rates the queue list shows may be (the
   * sampling interval, default a minute); see {@link QueueRatesCache}.
   */
  constructor(
    brokers: RabbitMQBrokers,
    history: DepthHistoryStore,
    options: { ratesMaxAgeMs?: number } = {},
  ) {
    this.#brokers = brokers;
    this.#history = history;
    this.#rates = new QueueRatesCache(
      broker =>
        this.#brokers.client(broker).listQueues(undefined, { fields: 'rates' }),
      { maxAgeMs: options.ratesMaxAgeMs ?? 60_000 },
    );
  }

  listBrokers(): BusBroker[] {
    return this.#brokers.list().map(b => ({
      bus: 'rabbitmq',
      id: b.id,
      title: b.title,
      dashboardUrl: b.dashboardUrl,
    }));
  }

  /** For the API: no credentials, no management URL credentials. */
  brokerSummary(broker: string): RabbitMQBrokerSummary {
    const b = this.#brokers.summary(broker);
    return { id: b.id, title: b.title, dashboardUrl: b.dashboardUrl };
  }

  destinations(
    broker: string,
    vhost: string | undefined,
  ): Promise<RabbitMQQueueState[]> {
    return this.listQueues(broker, vhost);
  }

  destination(
    broker: string,
    ref: { vhost: string; queue: string },
    since: number,
  ): Promise<RabbitMQQueueDetail> {
    return this.queue(broker, ref.vhost, ref.queue, since);
  }

  /**
   * A broker that cannot be read is a 503 naming it and the cause, and when
   * it does not answer, since when (`unreachableSince` in the error body).
   */
  async #read<T>(broker: string, fn: () => Promise<T>): Promise<T> {
    this.#brokers.config(broker); // 404 for unknown brokers
    try {
      return await fn();
    } catch (e) {
      if (e instanceof RabbitMQManagementError) {
        throw brokerUnavailable(e, describeRabbitMQError);
      }
      throw e;
    }
  }

  /**
   * Records every queue's depth, and reads the statistics (rates) the API's
   * queue list shows until the next sample. A failed statistics read does
   * not lose the depths; it fails the sample after they are recorded.
   */
  async sample(broker: string, timestamp: number): Promise<void> {
    const [depths, rates] = await Promise.allSettled([
      this.sampleDepths(broker),
      this.#rates.refresh(broker),
    ]);
    if (depths.status === 'rejected') {
      throw depths.reason;
    }
    await this.#history.add('rabbitmq', broker, timestamp, depths.value);
    if (rates.status === 'rejected') {
      throw rates.reason;
    }
  }

  pruneHistory(olderThan: number): Promise<number> {
    return this.#history.prune(olderThan);
  }

  describeError(e: unknown): string {
    return describeRabbitMQError(e);
  }

  /**
   * Every queue's depth, from one listing. A queue that reports no counts
   * (down, or declared a moment ago) is left out rather than recorded as
   * empty.
   */
  async sampleDepths(broker: string): Promise<DestinationDepth[]> {
    const queues = await this.#brokers
      .client(broker)
      .listQueues(undefined, { fields: 'depth' });
    return queues
      .filter(q => q.messagesReady !== undefined)
      .map(q => ({
        destination: queueDestination(q.vhost, q.name),
        depth: depthOf(q),
        consumers: q.consumers,
      }));
  }

  #state(
    broker: string,
    q: RabbitMQQueueLive,
    history: { timestamp: number; depth: number }[],
  ): RabbitMQQueueState {
    const status = rabbitmqQueueStatus(q, history, {
      errorDepth: this.#brokers.config(broker).queueStatus.errorDepth,
    });
    return {
      vhost: q.vhost,
      name: q.name,
      type: q.type,
      state: q.state,
      node: q.node,
      durable: q.durable,
      messagesReady: q.messagesReady ?? 0,
      messagesUnacknowledged: q.messagesUnacknowledged ?? 0,
      consumers: q.consumers ?? 0,
      consumerUtilisation: q.consumerUtilisation ?? null,
      publishRate: q.publishRate,
      deliverRate: q.deliverRate,
      ackRate: q.ackRate,
      status: status.status as RabbitMQQueueState['status'],
      statusReason: status.reason,
      timeToDrainSeconds: status.timeToDrainSeconds,
      statsPending: q.messagesReady === undefined,
    };
  }

  /**
   * Every queue of the broker: counts, consumers and state from the cheap
   * listing (queue totals and the consumers list, what `rabbitmqctl`
   * prints; with the broker's `prometheusUrl`, the queue records and the
   * Prometheus plugin's per-queue metrics, at most the broker's statistics
   * interval old), rates from the last statistics read (at most one sampling
   * interval old), and one history query. A queue is `statsPending` while
   * it has no counts (it is down); a queue declared since the last
   * statistics read has its counts and consumers, and no rates until the
   * next read (at most one sampling interval).
   */
  async listQueues(
    broker: string,
    vhost?: string,
  ): Promise<RabbitMQQueueState[]> {
    const [live, rates] = await this.#read(broker, () =>
      Promise.all([
        this.#brokers.client(broker).listQueues(vhost, { fields: 'live' }),
        this.#rates.current(broker),
      ]),
    );
    const queues = live.map(q => ({
      ...q,
      ...rates.byQueue.get(queueKey(q.vhost, q.name)),
    }));
    const history = await this.#history.recent(
      'rabbitmq',
      broker,
      live.map(q => queueDestination(q.vhost, q.name)),
      STATUS_WINDOW,
    );
    return queues
      .map(q =>
        this.#state(
          broker,
          q,
          history.get(queueDestination(q.vhost, q.name)) ?? [],
        ),
      )
      .sort((a, b) =>
        a.vhost === b.vhost
          ? compare(a.name, b.name)
          : compare(a.vhost, b.vhost),
      );
  }

  /** One queue with its bindings and depth history (since `since`). */
  async queue(
    broker: string,
    vhost: string,
    name: string,
    since: number,
  ): Promise<RabbitMQQueueDetail> {
    const client = this.#brokers.client(broker);
    const live = await this.#read(broker, () => client.getQueue(vhost, name));
    const history = await this.#history.trend(
      'rabbitmq',
      broker,
      queueDestination(vhost, name),
      since,
    );
    if (!live) {
      return { live, state: undefined, bindings: [], rawBindings: [], history };
    }
    const rawBindings = await this.#read(broker, () =>
      client.queueBindings(vhost, name),
    );
    const bindings: RabbitMQBinding[] = rawBindings
      .filter(b => b.source !== '')
      .map(b => ({ source: b.source, routingKey: b.routingKey }));
    return {
      live,
      state: this.#state(broker, live, history.slice(-STATUS_WINDOW)),
      bindings,
      rawBindings,
      history,
    };
  }
}

function compare(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
