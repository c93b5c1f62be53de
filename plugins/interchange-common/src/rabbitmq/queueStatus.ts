import {
  DestinationRule,
  destinationStatus,
  DestinationStatus,
} from '../liveState/destinationStatus';
import { RabbitMQQueueLive } from './liveState';

/**
 * A queue's depth at one sample time.
 *
 * @public
 */
export interface QueueDepthPoint {
  /** Milliseconds since the epoch. */
  timestamp: number;
  depth: number;
}

/** @public */
export interface RabbitMQQueueHealth {
  /** The same vocabulary as the Kafka lag status. */
  status: DestinationStatus;
  reason: string;
  /** Estimated seconds until the queue is empty at the current rates; null when it is not draining. */
  timeToDrainSeconds: number | null;
}

/** @public */
export interface RabbitMQQueueStatusOptions {
  /** More messages than this is ERROR. */
  errorDepth: number;
}

/**
 * Whether the depth grew at every step of the recent history (at least two
 * steps), the queue-side counterpart of "lag grew at every sample".
 */
function growing(history: QueueDepthPoint[]): boolean {
  const recent = history.slice(-4);
  if (recent.length < 3) {
    return false;
  }
  return recent.every((p, i) => i === 0 || p.depth > recent[i - 1].depth);
}

/**
 * A queue's health, by the status rules every bus shares
 * ({@link destinationStatus}), with a depth threshold:
 * - STOPPED: messages wait and no consumer is attached;
 * - ERROR: more messages than the threshold;
 * - WARNING: the depth grows (by the rates, or at every recent sample) while
 *   consumers consume: they are falling behind;
 * - OK otherwise.
 * The time to drain is depth / (ack or deliver rate - publish rate) when that
 * net rate is positive.
 *
 * @public
 */
export function rabbitmqQueueStatus(
  queue: RabbitMQQueueLive,
  history: QueueDepthPoint[],
  options: RabbitMQQueueStatusOptions,
): RabbitMQQueueHealth {
  const depth =
    queue.messages ??
    (queue.messagesReady ?? 0) + (queue.messagesUnacknowledged ?? 0);
  const consumers = queue.consumers ?? 0;
  const outRate = queue.ackRate ?? queue.deliverRate ?? 0;
  const inRate = queue.publishRate ?? 0;
  const net = outRate - inRate;
  let timeToDrainSeconds: number | null = null;
  if (depth === 0) {
    timeToDrainSeconds = 0;
  } else if (consumers > 0 && net > 0) {
    timeToDrainSeconds = Math.round(depth / net);
  }

  const growsByRate = depth > 0 && inRate > outRate && outRate > 0;
  // A queue with consumers attached is consuming; whether they keep up is
  // told by the depth's growth.
  const { rule, status } = destinationStatus(
    {
      depth,
      drained: depth === 0,
      consumersAttached: consumers > 0,
      progressing: consumers > 0,
      growing: growsByRate || growing(history),
    },
    { errorDepth: options.errorDepth },
  );
  return {
    status,
    reason: queueReason(rule, {
      depth,
      consumers,
      growsByRate,
      inRate,
      outRate,
      errorDepth: options.errorDepth,
    }),
    timeToDrainSeconds,
  };
}

/** The RabbitMQ wording of each status rule, in messages and consumers. */
function queueReason(
  rule: DestinationRule,
  q: {
    depth: number;
    consumers: number;
    growsByRate: boolean;
    inRate: number;
    outRate: number;
    errorDepth: number;
  },
): string {
  const messages = `${q.depth} message${q.depth === 1 ? '' : 's'}`;
  switch (rule) {
    case 'drained':
      return 'empty';
    case 'stopped':
    case 'stalled':
      return `${messages} waiting and no consumer attached`;
    case 'over-threshold':
      return `${q.depth} messages waiting, more than the threshold of ${q.errorDepth}`;
    case 'falling-behind':
      return q.growsByRate
        ? `the depth grows: ${q.inRate.toFixed(
            1,
          )} msg/s published, ${q.outRate.toFixed(1)} msg/s consumed`
        : 'the depth grew at every recent sample while consumers are attached';
    default:
      return `${messages}, ${q.consumers} consumer${
        q.consumers === 1 ? '' : 's'
      } keeping up`;
  }
}
