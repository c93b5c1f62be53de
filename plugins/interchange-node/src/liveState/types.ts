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
