import fs from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
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
  GatewayParseResult,
  NormalizedRoute,
  parseGatewayConfig,
  parseKongConfig,
  routeToEntity,
} from '@interchange/plugin-interchange-common';
import {
  GatewayConfig,
  KongAdminClient,
} from '@interchange/plugin-interchange-node';

/** Routes of one source (a file or the live Admin API) and where they came from. */
type Source = GatewayParseResult & { source: string; location: string };

/**
 * GatewayRoute entities for one gateway of `interchange.gateways[]`: from
 * its configuration files (`files` globs) and, for Kong, from its live Admin
 * API (`adminUrl`), re-read on a schedule. Each route is linked to the
 * component serving it (see routeToEntity for the rule).
 *
 * Safety: it replaces its entities with a full mutation only after every
 * source was read. A file that cannot be read or parsed, or a Kong failure
 * on any page, means no mutation at all: existing entities stay and the
 * next run retries.
 *
 * @public
 */
export class GatewayRoutesEntityProvider implements EntityProvider {
  readonly #gateway: GatewayConfig;
  readonly #defaultOwner: string;
  readonly #defaultSystem?: string;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #taskRunner?: SchedulerServiceTaskRunner;
  readonly #cwd: string;
  #connection?: EntityProviderConnection;

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
  }) {
    this.#gateway = options.gateway;
    this.#defaultOwner = options.gateway.defaultOwner ?? options.defaultOwner;
    this.#defaultSystem =
      options.gateway.defaultSystem ?? options.defaultSystem;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#taskRunner = options.taskRunner;
    this.#cwd = options.cwd ?? process.cwd();
  }

  getProviderName(): string {
    return `interchange-gateway:${this.#gateway.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner?.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  async #fileSources(): Promise<Source[]> {
    const files = (
      await fg(this.#gateway.files, {
        cwd: this.#cwd,
        absolute: true,
        onlyFiles: true,
      })
    ).sort();
    return Promise.all(
      files.map(async file => {
        let parsed: GatewayParseResult;
        try {
          parsed = parseGatewayConfig(await fs.readFile(file, 'utf8'));
        } catch (e) {
          throw new Error(`${file}: ${(e as Error).message}`);
        }
        return {
          ...parsed,
          source: `file:${path.relative(this.#cwd, file)}`,
          location: `url:file://${file}`,
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
    const id = this.#gateway.id;
    try {
      const credentials = await this.#auth.getOwnServiceCredentials();
      const [components, files, live] = await Promise.all([
        this.#catalog
          .getEntities({ filter: { kind: 'Component' } }, { credentials })
          .then(r => r.items),
        this.#fileSources(),
        this.#gateway.adminUrl ? this.#kongSource() : undefined,
      ]);
      const sources = [...files, ...(live ? [live] : [])];
      const byName = new Map<string, Entity>();
      let skipped = 0;
      // With both files and a live Kong, every route gets its drift: file
      // routes against the live route of the same name, live routes that no
      // file declares as such.
      const liveByName = new Map<string, NormalizedRoute>(
        (live?.routes ?? []).map(r => [r.name, r]),
      );
      const declaredNames = new Set(
        files.flatMap(f => f.routes.map(r => r.name)),
      );
      const compare = live && files.length > 0;
      const driftOf = (s: Source, route: NormalizedRoute) => {
        if (!compare) {
          return undefined;
        }
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
      for (const s of sources) {
        skipped += s.skipped.length;
        for (const route of s.routes) {
          const entity = routeToEntity(route, {
            gateway: id,
            components,
            defaultOwner: this.#defaultOwner,
            defaultSystem: this.#defaultSystem,
            source: s.source,
            location: s.location,
          });
          if (!entity) {
            skipped += 1;
            continue;
          }
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
      await this.#connection.applyMutation({
        type: 'full',
        entities: [...byName.values()].map(entity => ({
          entity,
          locationKey: this.getProviderName(),
        })),
      });
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
