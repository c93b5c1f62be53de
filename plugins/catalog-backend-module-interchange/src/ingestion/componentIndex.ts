import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_MESH_IDENTITY,
  ANNOTATION_UPSTREAM_HOSTS,
  matchUpstreamComponent,
  RouteUpstream,
} from '@interchange/plugin-interchange-common';

/** The components of one lookup, and the component serving an upstream. */
export interface ComponentSnapshot {
  readonly components: readonly Entity[];
  /** Changes whenever a field linking reads changes. */
  readonly fingerprint: string;
  match(upstream: RouteUpstream): Entity | undefined;
}

/** What linking (routes, mesh identities) reads of a component; nothing else is fetched. */
const FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  `metadata.annotations.${ANNOTATION_UPSTREAM_HOSTS}`,
  `metadata.annotations.${ANNOTATION_MESH_IDENTITY}`,
  'spec.owner',
  'spec.system',
  'spec.providesApis',
];

/** Default lifetime of a lookup. */
export const COMPONENT_INDEX_TTL_MS = 10_000;

function snapshotOf(components: Entity[]): ComponentSnapshot {
  const fingerprint = components
    .map(c =>
      JSON.stringify([
        stringifyEntityRef(c),
        c.metadata.annotations?.[ANNOTATION_UPSTREAM_HOSTS] ?? '',
        (c.spec as Record<string, unknown> | undefined)?.owner ?? '',
        (c.spec as Record<string, unknown> | undefined)?.system ?? '',
        (c.spec as Record<string, unknown> | undefined)?.providesApis ?? [],
      ]),
    )
    .sort()
    .join('\n');
  return {
    components,
    fingerprint,
    match: upstream => matchUpstreamComponent(upstream, components),
  };
}

/**
 * The one cached list of catalog components that ingested routes are
 * linked to, shared by the `interchange-gateway-config` location processor
 * and every gateway provider of a backend, so both link against the same
 * components whichever starts first.
 *
 * Refresh rule: a lookup is served for `ttlMs` (10 s) from when it started;
 * callers within that time share it, even while it is in flight. A lookup
 * that fails, or finds no components at all (the catalog is still
 * starting), is not kept: the next caller asks again. When a lookup finds
 * components that differ from the previous one in anything linking reads
 * (ref, `interchange.dev/upstream-hosts`, owner, system, providesApis),
 * subscribers are told, so a provider can re-link the routes it ingested
 * before those components existed.
 */
export class ComponentIndex {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #current?: { at: number; snapshot: Promise<ComponentSnapshot> };
  #lastFingerprint?: string;
  readonly #listeners = new Set<(snapshot: ComponentSnapshot) => void>();

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    ttlMs?: number;
    /** For tests. */
    now?: () => number;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#ttlMs = options.ttlMs ?? COMPONENT_INDEX_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /** The components to link against, by the refresh rule. */
  snapshot(): Promise<ComponentSnapshot> {
    const now = this.#now();
    if (this.#current && now - this.#current.at <= this.#ttlMs) {
      return this.#current.snapshot;
    }
    const snapshot = this.#auth
      .getOwnServiceCredentials()
      .then(credentials =>
        this.#catalog.getEntities(
          { filter: { kind: 'Component' }, fields: FIELDS },
          { credentials },
        ),
      )
      .then(r => snapshotOf(r.items));
    const current = { at: now, snapshot };
    this.#current = current;
    // A later lookup may have replaced this one by the time it settles;
    // only this one is forgotten.
    const forget = () => {
      if (this.#current === current) this.#current = undefined;
    };
    snapshot.then(s => {
      if (!s.components.length) {
        forget();
      }
      const changed =
        this.#lastFingerprint !== undefined &&
        this.#lastFingerprint !== s.fingerprint;
      this.#lastFingerprint = s.fingerprint;
      if (changed) {
        for (const listener of this.#listeners) listener(s);
      }
    }, forget);
    return snapshot;
  }

  /**
   * Calls `listener` after each lookup whose components differ from the
   * previous lookup's. Returns the unsubscribe function.
   */
  subscribe(listener: (snapshot: ComponentSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
