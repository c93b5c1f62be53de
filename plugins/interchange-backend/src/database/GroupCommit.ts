type Pending<T, R> = {
  item: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
};

/**
 * Group commit: items submitted while a write is in flight wait and go out
 * together in the next write, so a burst costs one round trip (and one
 * transaction commit) per batch instead of one per item.
 *
 * There is no timer: a lone item is written at once, so under light load no
 * latency is added; under load, batches grow by themselves to what arrived
 * during the previous write. Each caller's promise settles only when the
 * write that carried its item has finished, so a caller that answers a
 * sender after `submit` resolves answers only for durable data.
 *
 * With `collectTurn`, a write waits for the end of the event loop's current
 * turn (`setImmediate`), so everything submitted during that turn goes out
 * together. For a database whose writes finish before the next request is
 * read (SQLite, in the process), batches would otherwise never form: every
 * delivery paid a write of its own. Still no timer: nothing waits for input
 * that has not arrived.
 */
export class GroupCommit<T, R> {
  readonly #write: (items: T[]) => Promise<R[]>;
  readonly #maxBatch: number;
  readonly #maxInFlight: number;
  readonly #collectTurn: boolean;
  #queue: Array<Pending<T, R>> = [];
  #inFlight = 0;
  #drainScheduled = false;

  /**
   * @param write - writes a batch and returns one result per item, in order;
   *   when it throws, every item of that batch is rejected with the error.
   * @param options.maxBatch - most items per write (keeps statements under
   *   the databases' bound-parameter limits).
   * @param options.maxInFlight - writes at the same time (at most the
   *   connections a caller wants to hold for this).
   * @param options.collectTurn - write what the current event loop turn
   *   submitted together, at its end, instead of the first item at once.
   */
  constructor(
    write: (items: T[]) => Promise<R[]>,
    options: {
      maxBatch?: number;
      maxInFlight?: number;
      collectTurn?: boolean;
    } = {},
  ) {
    this.#write = write;
    this.#maxBatch = options.maxBatch ?? 200;
    this.#maxInFlight = options.maxInFlight ?? 1;
    this.#collectTurn = options.collectTurn ?? false;
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (!this.#collectTurn) {
        this.#drain();
      } else if (!this.#drainScheduled) {
        this.#drainScheduled = true;
        setImmediate(() => {
          this.#drainScheduled = false;
          this.#drain();
        });
      }
    });
  }

  #drain() {
    while (this.#inFlight < this.#maxInFlight && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      this.#inFlight += 1;
      this.#run(batch).finally(() => {
        this.#inFlight -= 1;
        this.#drain();
      });
    }
  }

  async #run(batch: Array<Pending<T, R>>) {
    try {
      const results = await this.#write(batch.map(b => b.item));
      if (results.length !== batch.length) {
        throw new Error(
          `group commit: the write returned ${results.length} results for ${batch.length} items`,
        );
      }
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (e) {
      batch.forEach(b => b.reject(e));
    }
  }
}
