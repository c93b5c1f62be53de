import { LagStatus } from '../kafka/lagStatus';
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
  status: LagStatus;
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
 * A queue's health, in the spirit of the Kafka lag status:
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

  if (depth > 0 && consumers === 0) {
    return {
      status: 'STOPPED',
      reason: `${depth} message${
        depth === 1 ? '' : 's'
      } waiting and no consumer attached`,
      timeToDrainSeconds,
    };
  }
  if (depth > options.errorDepth) {
    return {
      status: 'ERROR',
      reason: `${depth} messages waiting, more than the threshold of ${options.errorDepth}`,
      timeToDrainSeconds,
    };
  }
  const growsByRate = depth > 0 && inRate > outRate && outRate > 0;
  if (consumers > 0 && depth > 0 && (growsByRate || growing(history))) {
    return {
      status: 'WARNING',
      reason: growsByRate
        ? `the depth grows: ${inRate.toFixed(
            1,
          )} msg/s published, ${outRate.toFixed(1)} msg/s consumed`
        : 'the depth grew at every recent sample while consumers are attached',
      timeToDrainSeconds,
    };
  }
  return {
    status: 'OK',
    reason:
      depth === 0
        ? 'empty'
        : `${depth} message${depth === 1 ? '' : 's'}, ${consumers} consumer${
            consumers === 1 ? '' : 's'
          } keeping up`,
    timeToDrainSeconds,
  };
}
