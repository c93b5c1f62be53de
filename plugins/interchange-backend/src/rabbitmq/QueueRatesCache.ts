import { RabbitMQQueueLive } from '@interchange/plugin-interchange-common';

/** What only the broker's statistics database knows of a queue. */
export type QueueRates = Pick<
  RabbitMQQueueLive,
  'consumerUtilisation' | 'publishRate' | 'deliverRate' | 'ackRate'
>;

/** One statistics read of a broker's queues. */
export interface QueueRatesRead {
  /** When the read was answered, ms since the epoch. */
  takenAt: number;
  /**
   * By {@link queueKey}; a queue whose first statistics are still pending
   * (or that was declared after the read) is not in it.
   */
  byQueue: Map<string, QueueRates>;
}

export const queueKey = (vhost: string, name: string) =>
  `${vhost}\u0000${name}`;

/**
 * The last statistics read of each broker's queues (publish, deliver and ack
 * rates, consumer utilisation). Listing the statistics costs the broker
 * about 0.1 ms of CPU per queue, so the API's queue list does not pay it per
 * request: the scheduled sampling refreshes it every interval, and a request
 * reads it only when the last read is older than `maxAgeMs` (on a replica
 * that does not run the sampling, or with sampling off). The broker's rates
 * are averages over its own sample window, so a read up to one sampling
 * interval old says what they say now. Concurrent refreshes of a broker
 * share one request.
 */
export class QueueRatesCache {
  readonly #read: (broker: string) => Promise<RabbitMQQueueLive[]>;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  readonly #reads = new Map<string, QueueRatesRead>();
  readonly #pending = new Map<string, Promise<QueueRatesRead>>();

  constructor(
    read: (broker: string) => Promise<RabbitMQQueueLive[]>,
    options: { maxAgeMs: number; now?: () => number },
  ) {
    this.#read = read;
    this.#maxAgeMs = options.maxAgeMs;
    this.#now = options.now ?? Date.now;
  }

  /** Reads the statistics now (the sampling task does, every interval). */
  refresh(broker: string): Promise<QueueRatesRead> {
    let pending = this.#pending.get(broker);
    if (!pending) {
      pending = this.#read(broker)
        .then(queues => {
          const read: QueueRatesRead = {
            takenAt: this.#now(),
            byQueue: new Map(
              queues
                .filter(q => q.messagesReady !== undefined)
                .map(q => [
                  queueKey(q.vhost, q.name),
                  {
                    consumerUtilisation: q.consumerUtilisation ?? null,
                    publishRate: q.publishRate,
                    deliverRate: q.deliverRate,
                    ackRate: q.ackRate,
                  },
                ]),
            ),
          };
          this.#reads.set(broker, read);
          return read;
        })
        .finally(() => this.#pending.delete(broker));
      this.#pending.set(broker, pending);
    }
    return pending;
  }

  /** The last read when it is at most `maxAgeMs` old, else a new one. */
  async current(broker: string): Promise<QueueRatesRead> {
    const last = this.#reads.get(broker);
    if (last && this.#now() - last.takenAt <= this.#maxAgeMs) {
      return last;
    }
    return this.refresh(broker);
  }
}
