/**
 * The broker-neutral live-state layer: what the backend's sampling, history
 * and status code need from a message bus, whatever the bus. Kafka consumer
 * groups and RabbitMQ queues are both "destinations" with a depth (lag for
 * a group, ready + unacknowledged messages for a queue) and consumers.
 */

/** @public */
export type BusKind = 'kafka' | 'rabbitmq';

/** A broker or cluster of a bus, as the API may show it. @public */
export interface BusBroker {
  bus: BusKind;
  id: string;
  title: string;
  dashboardUrl?: string;
}

/**
 * One destination's depth at one sample: `destination` is unique on its
 * broker (`<vhost>/<queue>` for RabbitMQ, the group id for Kafka).
 *
 * @public
 */
export interface DestinationDepth {
  destination: string;
  depth: number;
  consumers?: number;
}

/** @public */
export interface DepthPoint {
  /** Milliseconds since the epoch. */
  timestamp: number;
  depth: number;
}

/**
 * A bus behind the broker-neutral layer: the backend's scheduled sampling
 * is written once against this, for Kafka (consumer-group offsets, for lag)
 * and RabbitMQ (queue depths) alike.
 *
 * @public
 */
export interface BusLiveState {
  readonly bus: BusKind;
  listBrokers(): BusBroker[];
  /**
   * Reads every destination of the broker once (in as few requests as the
   * bus allows) and records it in the bus's history.
   */
  sample(broker: string, timestamp: number): Promise<void>;
  /** Drops history taken before `olderThan`; returns how many points. */
  pruneHistory(olderThan: number): Promise<number>;
  /** A message for the log from an error of this bus's client. */
  describeError(e: unknown): string;
}

/**
 * The types a bus's API reads are made of: the spec names their fields per
 * bus (a Kafka cluster summary has an `adapter`, a queue a `vhost`), so the
 * neutral layer passes them through untouched.
 *
 * @public
 */
export interface BusReadTypes {
  /** A broker as the API shows it (no credentials). */
  broker: unknown;
  /** What selects a broker's destinations (a Kafka topic, a RabbitMQ vhost). */
  scope: unknown;
  /** One destination with its depth and status. */
  destination: unknown;
  /** What names one destination (a group id; a vhost and a queue). */
  ref: unknown;
  /** One destination with its history. */
  detail: unknown;
}

/**
 * The read side of a bus, which the backend's live-state routes are written
 * once against: the brokers as the API shows them, a broker's destinations
 * with depth and status, one destination with its history. An unknown
 * broker is a NotFoundError naming the configured ones; a broker that cannot
 * be read is a ServiceUnavailableError with `unreachableSince` when it does
 * not answer.
 *
 * @public
 */
export interface BusLiveStateReader<T extends BusReadTypes>
  extends BusLiveState {
  /** The broker as the API shows it; a NotFoundError for unknown ids. */
  brokerSummary(broker: string): T['broker'];
  /** The broker's destinations within `scope`, with depth and status. */
  destinations(broker: string, scope: T['scope']): Promise<T['destination'][]>;
  /** One destination with its history since `since` (ms since the epoch). */
  destination(
    broker: string,
    ref: T['ref'],
    since: number,
  ): Promise<T['detail']>;
}

/**
 * Bounded depth history of destinations, per bus and broker.
 *
 * @public
 */
export interface DepthHistoryStore {
  add(
    bus: BusKind,
    broker: string,
    timestamp: number,
    depths: DestinationDepth[],
  ): Promise<void>;
  /** The latest `limit` points of each destination, oldest first. */
  recent(
    bus: BusKind,
    broker: string,
    destinations: string[],
    limit: number,
  ): Promise<Map<string, DepthPoint[]>>;
  /** One destination's points since `since`, oldest first. */
  trend(
    bus: BusKind,
    broker: string,
    destination: string,
    since: number,
  ): Promise<DepthPoint[]>;
  /** Deletes points taken before `olderThan`; returns how many. */
  prune(olderThan: number): Promise<number>;
}
