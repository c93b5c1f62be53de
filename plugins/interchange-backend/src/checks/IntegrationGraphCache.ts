import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  buildIntegrationGraph,
  IntegrationGraph,
} from '@interchange/plugin-interchange-common';
import { readCatalogEntities } from './readCatalogEntities';

/** How long a graph answers impact requests before the catalog is read again. */
export const GRAPH_MAX_AGE_MS = 60_000;

/**
 * The integration graph of the whole catalog, built at most once per
 * `maxAgeMs` in this backend instance. The scheduled checks run on one
 * instance only, so every instance keeps its own graph: the checks task
 * hands in the graph it built, and impact requests build one on demand when
 * the cached one is older than `maxAgeMs`. Concurrent requests share one
 * build. The catalog is read with the plugin's own credentials (the graph
 * needs every entity); callers check what the user may see.
 */
export class IntegrationGraphCache {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  readonly #onRead?: (entities: Entity[]) => void;
  #cached?: { graph: IntegrationGraph; builtAt: number };
  #building?: Promise<IntegrationGraph>;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    maxAgeMs?: number;
    now?: () => number;
    /** Told the entities each time the catalog is read (the map's layouts follow them). */
    onRead?: (entities: Entity[]) => void;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#maxAgeMs = options.maxAgeMs ?? GRAPH_MAX_AGE_MS;
    this.#now = options.now ?? Date.now;
    this.#onRead = options.onRead;
  }

  /** A graph at most `maxAgeMs` old. */
  async get(): Promise<IntegrationGraph> {
    if (this.#cached && this.#now() - this.#cached.builtAt < this.#maxAgeMs) {
      return this.#cached.graph;
    }
    return this.refresh();
  }

  /** Reads the catalog and builds a new graph (shared with concurrent callers). */
  refresh(): Promise<IntegrationGraph> {
    if (!this.#building) {
      this.#building = (async () => {
        const entities = await readCatalogEntities(
          this.#catalog,
          await this.#auth.getOwnServiceCredentials(),
        );
        const graph = buildIntegrationGraph(entities);
        this.#cached = { graph, builtAt: this.#now() };
        this.#onRead?.(entities);
        return graph;
      })().finally(() => {
        this.#building = undefined;
      });
    }
    return this.#building;
  }
}
