import { ResponseError } from '@backstage/errors';
import type { GatewayConfig } from '../config/readGateways';

/** A page of a Kong Admin API list endpoint. */
interface KongPage<T> {
  data: T[];
  /** Path (and query) of the next page, or null on the last one. */
  next?: string | null;
}

/** What the gateway provider needs from Kong, in decK's shape. @public */
export interface KongSnapshot {
  services: Record<string, unknown>[];
  routes: Record<string, unknown>[];
  plugins: Record<string, unknown>[];
}

const PAGE_SIZE = 1000;
/** A misbehaving Admin API must not keep a provider run going forever. */
const MAX_PAGES = 1000;

/**
 * Reads services, routes and plugins from a Kong Admin API, following the
 * `next` links of its paginated lists, with a timeout per request. Any
 * failure rejects the whole read: a partial list must never look like
 * routes were deleted.
 *
 * @public
 */
export class KongAdminClient {
  readonly #base: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(
    gateway: Pick<
      GatewayConfig,
      'id' | 'adminUrl' | 'token' | 'workspace' | 'requestTimeoutMs'
    >,
    options: { fetch?: typeof fetch } = {},
  ) {
    if (!gateway.adminUrl) {
      throw new Error(
        `interchange.gateways ${gateway.id}: adminUrl is not set`,
      );
    }
    const base = gateway.adminUrl.replace(/\/+$/, '');
    this.#base = gateway.workspace
      ? `${base}/${encodeURIComponent(gateway.workspace)}`
      : base;
    this.#headers = {
      accept: 'application/json',
      ...(gateway.token ? { 'Kong-Admin-Token': gateway.token } : {}),
    };
    this.#timeoutMs = gateway.requestTimeoutMs;
    this.#fetch = options.fetch ?? fetch;
  }

  async snapshot(): Promise<KongSnapshot> {
    const [services, routes, plugins] = await Promise.all([
      this.#list('/services'),
      this.#list('/routes'),
      this.#list('/plugins'),
    ]);
    return { services, routes, plugins };
  }

  async #list(path: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let url: string | undefined = `${this.#base}${path}?size=${PAGE_SIZE}`;
    for (let page = 0; url; page++) {
      if (page >= MAX_PAGES) {
        throw new Error(`${path}: more than ${MAX_PAGES} pages; stopping`);
      }
      const response = await this.#fetch(url, {
        headers: this.#headers,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      const body = (await response.json()) as KongPage<Record<string, unknown>>;
      if (!Array.isArray(body.data)) {
        throw new Error(
          `${path}: the answer has no 'data' list; is ${
            this.#base
          } a Kong Admin API?`,
        );
      }
      items.push(...body.data);
      url = body.next ? this.#absolute(body.next) : undefined;
    }
    return items;
  }

  #absolute(next: string): string {
    if (/^https?:\/\//.test(next)) {
      return next;
    }
    // Kong's `next` is a path from the Admin API root (workspace included).
    return `${new URL(this.#base).origin}${
      next.startsWith('/') ? '' : '/'
    }${next}`;
  }
}
