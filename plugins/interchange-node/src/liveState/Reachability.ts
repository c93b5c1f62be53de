/**
 * When each cluster or broker was first found unreachable, until it answers
 * again. One instance lives in the shared registry of a bus (the Kafka
 * clusters, the RabbitMQ brokers), so a failure seen by scheduled sampling
 * dates the outage the API reports to a user who asks later, and the first
 * answer from anyone ends it.
 *
 * Kept in memory, per backend process: each replica dates the outage from
 * its own first failed request.
 *
 * @public
 */
export class Reachability {
  readonly #since = new Map<string, number>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  /** Records a failed request; returns when the outage began (ms since the epoch). */
  failed(id: string): number {
    let since = this.#since.get(id);
    if (since === undefined) {
      since = this.#now();
      this.#since.set(id, since);
    }
    return since;
  }

  /** Records an answer: the outage, if any, is over. */
  answered(id: string): void {
    this.#since.delete(id);
  }

  /** When the current outage began, or undefined while it answers. */
  unreachableSince(id: string): number | undefined {
    return this.#since.get(id);
  }
}

/**
 * An error of a bus that could not be reached, with when the outage began
 * (ISO 8601). Backstage's error handler serialises own properties, so the
 * API's error body carries `error.unreachableSince` next to the message.
 *
 * @public
 */
export interface UnreachableSince {
  unreachableSince: string;
}

/** Adds `unreachableSince` (ISO 8601) to an error. @public */
export function withUnreachableSince<E extends Error>(
  error: E,
  since: number,
): E & UnreachableSince {
  return Object.assign(error, {
    unreachableSince: new Date(since).toISOString(),
  });
}

/** `unreachableSince` of an error, when it has one. @public */
export function unreachableSinceOf(error: unknown): string | undefined {
  const value = (error as Partial<UnreachableSince> | undefined)
    ?.unreachableSince;
  return typeof value === 'string' ? value : undefined;
}
