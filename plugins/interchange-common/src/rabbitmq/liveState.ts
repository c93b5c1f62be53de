/**
 * Live state of RabbitMQ objects as Interchange shows it, read from the
 * management HTTP API. Every statistic is optional: the API leaves them out
 * for a few seconds after a queue is declared and when stats are disabled,
 * and "unknown" must not be shown as 0.
 */

/** @public */
export interface RabbitMQQueueLive {
  vhost: string;
  name: string;
  type: string;
  /**
   * `running`, `idle`, `flow`, `minority` (quorum), ...; not read by the
   * listings whose counts come from the Prometheus plugin.
   */
  state?: string;
  /** The node (the leader, for quorum queues). */
  node?: string;
  durable: boolean;
  autoDelete: boolean;
  arguments: Record<string, unknown>;
  messages?: number;
  messagesReady?: number;
  messagesUnacknowledged?: number;
  consumers?: number;
  /** 0..1, or null when the broker does not know (idle queue). */
  consumerUtilisation?: number | null;
  /** Messages per second. */
  publishRate?: number;
  deliverRate?: number;
  ackRate?: number;
}

/** @public */
export interface RabbitMQExchangeLive {
  vhost: string;
  name: string;
  type: string;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  arguments: Record<string, unknown>;
  publishInRate?: number;
  publishOutRate?: number;
}

/** @public */
export interface RabbitMQBindingLive {
  vhost: string;
  /** The exchange; `''` is the default exchange. */
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments: Record<string, unknown>;
}
