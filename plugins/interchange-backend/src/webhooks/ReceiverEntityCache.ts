/**
 * The Webhook entities the inbound receiver looks up, kept for a short
 * time. A burst of deliveries to one webhook would otherwise ask the
 * catalog once per delivery (an HTTP round trip each); with the cache it is
 * once per `ttlMs` per webhook, and concurrent misses share one lookup.
 * Misses (no such webhook) are kept too, so unknown names sent at a high
 * rate do not reach the catalog either; the size is bounded.
 *
 * The price: a change to a Webhook entity (its secretRef, its receiver, its
 * removal) reaches the receiver up to `ttlMs` later.
 */
export class ReceiverEntityCache<E> {
  readonly #load: (ref: string) => Promise<E | undefined>;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #entries = new Map<
    string,
    { expires: number; value: Promise<E | undefined> }
  >();

  constructor(options: {
    load: (ref: string) => Promise<E | undefined>;
    ttlMs?: number;
    maxEntries?: number;
    now?: () => number;
  }) {
    this.#load = options.load;
    this.#ttlMs = options.ttlMs ?? 10_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  get(ref: string): Promise<E | undefined> {
    const now = this.#now();
    const hit = this.#entries.get(ref);
    if (hit && hit.expires > now) {
      return hit.value;
    }
    const value = this.#load(ref);
    this.#entries.delete(ref);
    if (this.#entries.size >= this.#maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    this.#entries.set(ref, { expires: now + this.#ttlMs, value });
    // A failed lookup (catalog unreachable) is not kept: the next delivery
    // asks again.
    value.catch(() => {
      if (this.#entries.get(ref)?.value === value) {
        this.#entries.delete(ref);
      }
    });
    return value;
  }
}
