import path from 'node:path';
import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_ROUTE_DRIFT,
  computeRouteDrift,
  createGatewayFormatRegistry,
  GatewayFormatRegistry,
  GatewayParseResult,
  NormalizedRoute,
  parseKongConfig,
  RouteDrift,
} from '@interchange/plugin-interchange-common';
import {
  GatewayConfig,
  KongAdminClient,
} from '@interchange/plugin-interchange-node';
import {
  ComponentIndex,
  ComponentSnapshot,
  linkToComponents,
  listConfigFiles,
  mapToEntities,
  parseConfigFile,
  readConfigFile,
} from '../ingestion';

/** Routes of one source (a file or the live Admin API) and where they came from. */
type Source = GatewayParseResult & { source: string; location: string };

/**
 * GatewayRoute entities for one gateway of `interchange.gateways[]`: from
 * its configuration files (`files` globs) and, for Kong, from its live Admin
 * API (`adminUrl`), re-read on a schedule. Files go through the ingestion
 * pipeline (src/ingestion) the `interchange-gateway-config` Location type
 * uses; each route is linked to the component serving it (see
 * routeToEntity for the rule) from the shared ComponentIndex.
 *
 * When the index finds components that differ from those the last run
 * linked against (the catalog was still filling up at start-up, or a
 * component changed), the provider runs again, so its routes end up linked
 * the same whichever started first.
 *
 * Safety: it replaces its entities with a full mutation only after every
 * source was read. A file that cannot be read or parsed, a `files` glob
 * that matched files on the last run and none now, or a Kong failure on
 * any page (an error answer, or none within requestTimeoutMs) means no
 * mutation at all: existing entities stay and the next run retries.
 *
 * @public
 */
export class GatewayRoutesEntityProvider implements EntityProvider {
  readonly #gateway: GatewayConfig;
  readonly #defaultOwner: string;
  readonly #defaultSystem?: string;
  readonly #logger: LoggerService;
  readonly #taskRunner?: SchedulerServiceTaskRunner;
  readonly #cwd: string;
  readonly #formats: GatewayFormatRegistry;
  readonly #components: ComponentIndex;
  #connection?: EntityProviderConnection;
  /** Fingerprint of the components the last run linked against. */
  #linkedWith?: string;
  /** Files each `files` glob matched on the last applied run. */
  #matched = new Map<string, number>();
  #running = false;
  #rerun = false;

  constructor(options: {
    gateway: GatewayConfig;
    defaultOwner: string;
    /** System of routes whose upstream matches no component; the gateway's own `defaultSystem` wins. */
    defaultSystem?: string;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    taskRunner?: SchedulerServiceTaskRunner;
    /** Base of relative `files` globs. Default the process working directory. */
    cwd?: string;
    /** The formats files are read with. Default the built-in ones. */
    formats?: GatewayFormatRegistry;
    /**
     * The components routes are linked to; pass the one the location
     * processor and other providers use. Default a new index of `catalog`.
     */
    components?: ComponentIndex;
  }) {
    this.#gateway = options.gateway;
    this.#defaultOwner = options.gateway.defaultOwner ?? options.defaultOwner;
    this.#defaultSystem =
      options.gateway.defaultSystem ?? options.defaultSystem;
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
    this.#cwd = options.cwd ?? process.cwd();
    this.#formats = options.formats ?? createGatewayFormatRegistry();
    this.#components =
      options.components ??
      new ComponentIndex({ catalog: options.catalog, auth: options.auth });
  }

  getProviderName(): string {
    return `interchange-gateway:${this.#gateway.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    this.#components.subscribe(snapshot => this.#componentsChanged(snapshot));
    await this.#taskRunner?.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  #componentsChanged(snapshot: ComponentSnapshot) {
    if (this.#running) {
      // The running pass may have linked against older components.
      this.#rerun = true;
    } else if (
      this.#linkedWith !== undefined &&
      snapshot.fingerprint !== this.#linkedWith
    ) {
      void this.refresh();
    }
  }

  /**
   * Files of every `files` glob. A glob that matched files on the last
   * applied run and matches none now fails the run: a file that vanished
   * (deleted, renamed, turned into a folder, a volume not mounted) would
   * otherwise look like routes that were removed, and the full mutation
   * would delete them.
   */
  async #fileSources(matched: Map<string, number>): Promise<Source[]> {
    const perGlob = await Promise.all(
      this.#gateway.files.map(async glob => ({
        glob,
        targets: await listConfigFiles([glob], this.#cwd),
      })),
    );
    for (const { glob, targets } of perGlob) {
      const before = this.#matched.get(glob) ?? 0;
      if (targets.length === 0 && before > 0) {
        throw new Error(
          `interchange.gateways ${
            this.#gateway.id
          }: files '${glob}' matched ${before} file(s) on the last run and none now (removed, renamed, no longer a file or a bundle, or its folder is not mounted). If they were removed on purpose, take '${glob}' out of files`,
        );
      }
      matched.set(glob, targets.length);
    }
    // listConfigFiles lists files only; globs may overlap.
    const byFile = new Map(
      perGlob.flatMap(g =>
        g.targets.map(t => [t.kind === 'file' ? t.file : t.url, t] as const),
      ),
    );
    const targets = [...byFile.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, t]) => t);
    return Promise.all(
      targets.map(async target => {
        const file = await readConfigFile(target);
        return {
          ...parseConfigFile(file, this.#formats),
          source: `file:${path.relative(this.#cwd, file.name)}`,
          location: `url:file://${file.name}`,
        };
      }),
    );
  }

  async #kongSource(): Promise<Source> {
    const snapshot = await new KongAdminClient(this.#gateway).snapshot();
    return {
      ...parseKongConfig(snapshot as Record<string, any>),
      source: `kong:${this.#gateway.adminUrl}`,
      location: `url:${this.#gateway.adminUrl}`,
    };
  }

  /**
   * One run. Returns what it did, for tests and logs; never throws.
   */
  async refresh(): Promise<{
    applied: boolean;
    entities: number;
    skipped: number;
    reason?: string;
  }> {
    if (!this.#connection) {
      return {
        applied: false,
        entities: 0,
        skipped: 0,
        reason: 'not connected',
      };
    }
    this.#running = true;
    this.#rerun = false;
    try {
      return await this.#run(this.#connection);
    } finally {
      this.#running = false;
      if (this.#rerun) {
        this.#rerun = false;
        // Linked against components that changed meanwhile: once more.
        void this.#components.snapshot().then(
          s => this.#componentsChanged(s),
          () => undefined,
        );
      }
    }
  }

  async #run(connection: EntityProviderConnection) {
    const id = this.#gateway.id;
    try {
      const matched = new Map<string, number>();
      const [components, files, live] = await Promise.all([
        this.#components.snapshot(),
        this.#fileSources(matched),
        this.#gateway.adminUrl ? this.#kongSource() : undefined,
      ]);
      const sources = [...files, ...(live ? [live] : [])];
      const byName = new Map<string, Entity>();
      let skipped = 0;
      const driftOf = driftAgainstLive(files, live);
      for (const s of sources) {
        skipped += s.skipped.length;
        const mapped = mapToEntities(linkToComponents(s.routes, components), {
          gateway: id,
          defaultOwner: this.#defaultOwner,
          defaultSystem: this.#defaultSystem,
          source: s.source,
          location: s.location,
        });
        skipped += mapped.answeredByGateway.length;
        for (const { route, entity } of mapped.entities) {
          const drift = driftOf(s, route);
          if (drift) {
            entity.metadata.annotations![ANNOTATION_ROUTE_DRIFT] =
              JSON.stringify(drift);
          }
          // A route declared in a file and also live in Kong is one route:
          // the file (what the team declared) wins; drift shows the rest.
          if (!byName.has(entity.metadata.name)) {
            byName.set(entity.metadata.name, entity);
          }
        }
      }
      await connection.applyMutation({
        type: 'full',
        entities: [...byName.values()].map(entity => ({
          entity,
          locationKey: this.getProviderName(),
        })),
      });
      this.#linkedWith = components.fingerprint;
      this.#matched = matched;
      this.#logger.info(
        `Gateway ${id}: ${byName.size} routes from ${files.length} file(s)${
          live ? ' and the Kong Admin API' : ''
        }, ${skipped} skipped`,
      );
      return { applied: true, entities: byName.size, skipped };
    } catch (e) {
      const reason = (e as Error).message ?? String(e);
      this.#logger.warn(
        `Not updating the routes of gateway ${id}: ${reason}. Existing entities are kept; the next run retries.`,
      );
      return { applied: false, entities: 0, skipped: 0, reason };
    }
  }
}

/**
 * With both files and a live Kong, every route gets its drift: file routes
 * against the live route of the same name, live routes that no file
 * declares as such.
 */
function driftAgainstLive(
  files: Source[],
  live: Source | undefined,
): (s: Source, route: NormalizedRoute) => RouteDrift[] | undefined {
  if (!live || !files.length) {
    return () => undefined;
  }
  const liveByName = new Map<string, NormalizedRoute>(
    live.routes.map(r => [r.name, r]),
  );
  const declaredNames = new Set(files.flatMap(f => f.routes.map(r => r.name)));
  return (s, route) => {
    if (s !== live) {
      return computeRouteDrift(route, liveByName.get(route.name));
    }
    return declaredNames.has(route.name)
      ? undefined
      : [
          {
            field: 'route',
            declared: 'absent',
            actual: 'present',
            message: `route ${route.name} is live on the gateway but in no configuration file`,
          },
        ];
  };
}
