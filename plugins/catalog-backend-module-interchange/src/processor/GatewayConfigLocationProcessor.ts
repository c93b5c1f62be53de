import fs from 'node:fs/promises';
import path from 'node:path';
import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity, LocationEntityV1alpha1 } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { toError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  CatalogService,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  GatewayFormat,
  parseGatewayConfig,
  routeToEntity,
} from '@interchange/plugin-interchange-common';
import { GatewayConfig } from '@interchange/plugin-interchange-node';

/**
 * Location type for gateway configuration files (kong.yml, HTTPRoute and
 * VirtualService manifests, AWS API Gateway exports) kept in repositories.
 * Each route in the file becomes a GatewayRoute entity.
 *
 * @public
 */
export const GATEWAY_CONFIG_LOCATION_TYPE = 'interchange-gateway-config';

/**
 * On a `Location` entity of type `interchange-gateway-config`: the id (from
 * `interchange.gateways[]`) of the gateway its files configure.
 *
 * @public
 */
export const ANNOTATION_LOCATION_GATEWAY = 'interchange.dev/gateway';

/**
 * Components are looked up for every file; a short cache spares the catalog.
 * Short, because right after start-up the catalog holds only some of them and
 * routes linked in that window are linked properly on the next pass.
 */
const COMPONENTS_TTL_MS = 10_000;

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Where one target of a Location is read from, or why it may not be. */
type Target =
  | { kind: 'url'; url: string }
  | { kind: 'file'; file: string }
  | { kind: 'refused'; reason: string };

/**
 * Turns `Location` entities of type `interchange-gateway-config` into
 * GatewayRoute entities, one per route in each listed file (see
 * `routeToEntity` for how a route is linked to the component serving it).
 *
 * The work happens in `postProcessEntity` of the Location entity rather than
 * in `readLocation`, because only there are the Location's annotations and
 * its own origin known: the gateway comes from the `interchange.dev/gateway`
 * annotation (else the only configured gateway of the file's format), and a
 * Location that was itself read from a URL may only list URLs, so a
 * repository cannot make the backend read files from its own disk.
 * Relative targets are resolved against the Location's own location, as the
 * catalog does for `url` and `file` locations.
 *
 * A file that cannot be read or parsed is an error on the Location; the
 * catalog then keeps the entities it emitted before.
 *
 * @public
 */
export class GatewayConfigLocationProcessor implements CatalogProcessor {
  readonly #reader: UrlReaderService;
  readonly #integrations: ScmIntegrationRegistry;
  readonly #gateways: GatewayConfig[];
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #defaultOwner: string;
  readonly #defaultSystem?: string;
  readonly #configuredTargets: () => string[];
  #components?: { at: number; items: Promise<Entity[]> };

  constructor(options: {
    reader: UrlReaderService;
    integrations: ScmIntegrationRegistry;
    gateways: GatewayConfig[];
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    /** Owner of routes whose upstream matches no component, unless the gateway has its own. */
    defaultOwner: string;
    /** System of routes whose upstream matches no component, unless the gateway has its own. */
    defaultSystem?: string;
    /**
     * Targets of `interchange-gateway-config` locations in app-config
     * (`catalog.locations`), read on every call so config reloads count.
     * Only these may be local paths: the same location type registered
     * through the catalog API may only name URLs.
     */
    configuredTargets?: () => string[];
  }) {
    this.#reader = options.reader;
    this.#integrations = options.integrations;
    this.#gateways = options.gateways;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#defaultOwner = options.defaultOwner;
    this.#defaultSystem = options.defaultSystem;
    this.#configuredTargets = options.configuredTargets ?? (() => []);
  }

  /**
   * The `interchange-gateway-config` targets of `catalog.locations`, for
   * the `configuredTargets` option.
   */
  static configuredTargets(config: Config): () => string[] {
    return () =>
      (config.getOptionalConfigArray('catalog.locations') ?? [])
        .filter(
          l => l.getOptionalString('type') === GATEWAY_CONFIG_LOCATION_TYPE,
        )
        .map(l => l.getString('target'));
  }

  getProcessorName(): string {
    return 'InterchangeGatewayConfigLocationProcessor';
  }

  /**
   * Claims the location type so the catalog does not report it as unknown;
   * the files are read in postProcessEntity of the Location entity.
   */
  async readLocation(location: LocationSpec): Promise<boolean> {
    return location.type === GATEWAY_CONFIG_LOCATION_TYPE;
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (
      entity.kind !== 'Location' ||
      (entity as LocationEntityV1alpha1).spec?.type !==
        GATEWAY_CONFIG_LOCATION_TYPE
    ) {
      return entity;
    }
    const spec = (entity as LocationEntityV1alpha1).spec;
    const targets = [
      ...(spec.target ? [spec.target] : []),
      ...(spec.targets ?? []),
    ];
    if (!targets.length) {
      emit(
        processingResult.inputError(
          location,
          `Location ${entity.metadata.name} of type ${GATEWAY_CONFIG_LOCATION_TYPE} lists no files; set spec.target or spec.targets to the gateway configuration files`,
        ),
      );
      return entity;
    }
    const annotated =
      entity.metadata.annotations?.[ANNOTATION_LOCATION_GATEWAY]?.trim() ||
      undefined;
    for (const raw of targets) {
      await this.#readTarget(
        this.#resolve(location, raw),
        raw,
        annotated,
        spec.presence === 'optional',
        location,
        emit,
      );
    }
    return entity;
  }

  /** A target against the location of the Location entity listing it. */
  #resolve(base: LocationSpec, target: string): Target {
    const asUrl = (url: string): Target =>
      /^https?:\/\//i.test(url)
        ? { kind: 'url', url }
        : {
            kind: 'refused',
            reason: `${target}: only http(s) URLs and, for Locations from local files or app-config, local paths can be read`,
          };
    if (ABSOLUTE_URL.test(target)) {
      return asUrl(target);
    }
    if (base.type === 'url') {
      // Absolute paths resolve against the repository host too, never to
      // the backend's own disk.
      return asUrl(
        this.#integrations.resolveUrl({ url: target, base: base.target }),
      );
    }
    if (base.type === 'file') {
      return {
        kind: 'file',
        file: path.resolve(path.dirname(base.target), target),
      };
    }
    if (base.type === GATEWAY_CONFIG_LOCATION_TYPE) {
      // Registered in app-config (`catalog.locations`): relative to the
      // backend's working directory, like `file` locations there. The same
      // shape registered through the catalog API gets no disk access.
      if (this.#configuredTargets().includes(base.target)) {
        return { kind: 'file', file: path.resolve(target) };
      }
      return {
        kind: 'refused',
        reason: `${target}: only ${GATEWAY_CONFIG_LOCATION_TYPE} locations listed in app-config (catalog.locations) may read local files; register an http(s) URL instead`,
      };
    }
    return {
      kind: 'refused',
      reason: `${target}: a Location from a ${base.type} location may only list http(s) URLs`,
    };
  }

  async #readTarget(
    target: Target,
    raw: string,
    annotated: string | undefined,
    optional: boolean,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<void> {
    if (target.kind === 'refused') {
      emit(processingResult.inputError(location, target.reason));
      return;
    }
    const name = target.kind === 'url' ? target.url : target.file;
    let text: string;
    try {
      text =
        target.kind === 'url'
          ? (await (await this.#reader.readUrl(target.url)).buffer()).toString(
              'utf8',
            )
          : await fs.readFile(target.file, 'utf8');
    } catch (e) {
      const error = toError(e);
      const notFound =
        error.name === 'NotFoundError' ||
        (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (!notFound) {
        emit(
          processingResult.generalError(
            location,
            `Unable to read gateway configuration ${name}: ${error.message}`,
          ),
        );
      } else if (!optional) {
        emit(
          processingResult.notFoundError(
            location,
            `Gateway configuration ${name} does not exist (target '${raw}')`,
          ),
        );
      }
      return;
    }

    let parsed: ReturnType<typeof parseGatewayConfig>;
    try {
      parsed = parseGatewayConfig(text);
    } catch (e) {
      emit(
        processingResult.inputError(
          location,
          `${name} is not valid YAML or JSON: ${toError(e).message}`,
        ),
      );
      return;
    }
    if (!parsed.formats.length) {
      emit(
        processingResult.inputError(
          location,
          `${name} holds no gateway configuration Interchange reads (Kong declarative config, Gateway API HTTPRoute, Istio VirtualService, AWS API Gateway export)`,
        ),
      );
      return;
    }

    const gateway = this.#gatewayFor(name, annotated, parsed.formats);
    if (typeof gateway === 'string') {
      emit(processingResult.inputError(location, gateway));
      return;
    }

    const components = await this.#componentList();
    // The entities point at the file itself, so "View source" in the portal
    // opens the gateway configuration.
    const source: LocationSpec =
      target.kind === 'url'
        ? { type: 'url', target: target.url }
        : { type: 'file', target: target.file };
    const sourceRef = `${source.type}:${source.target}`;
    const answeredByGateway: string[] = [];
    let emitted = 0;
    for (const route of parsed.routes) {
      const entity = routeToEntity(route, {
        gateway: gateway.id,
        components,
        defaultOwner: gateway.defaultOwner ?? this.#defaultOwner,
        defaultSystem: gateway.defaultSystem ?? this.#defaultSystem,
        source: sourceRef,
        location: sourceRef,
      });
      if (entity) {
        emit(processingResult.entity(source, entity));
        emitted += 1;
      } else {
        answeredByGateway.push(route.name);
      }
    }
    const skipped = [
      ...parsed.skipped.map(
        s => `${s.kind}${s.name ? ` ${s.name}` : ''} (${s.reason})`,
      ),
      ...answeredByGateway.map(
        r => `route ${r} (no upstream: answered by the gateway itself)`,
      ),
    ];
    if (skipped.length) {
      this.#logger.info(
        `${name}: ${emitted} routes for gateway ${
          gateway.id
        }; skipped ${skipped.join('; ')}`,
      );
    }
  }

  /** The gateway a file belongs to, or an error message saying how to name it. */
  #gatewayFor(
    name: string,
    annotated: string | undefined,
    formats: GatewayFormat[],
  ): Pick<GatewayConfig, 'id' | 'defaultOwner' | 'defaultSystem'> | string {
    const fix = `set the annotation ${ANNOTATION_LOCATION_GATEWAY}: <gateway id> on the Location entity that lists this file`;
    let gateway: GatewayConfig | undefined;
    if (annotated) {
      gateway = this.#gateways.find(g => g.id === annotated);
      if (!gateway) {
        if (this.#gateways.length) {
          return `${name}: gateway '${annotated}' (annotation ${ANNOTATION_LOCATION_GATEWAY}) is not in interchange.gateways; use one of ${this.#gateways
            .map(g => `'${g.id}'`)
            .join(', ')}`;
        }
        // No gateways configured at all: the annotation alone names it.
        return { id: annotated };
      }
    } else {
      const candidates = this.#gateways.filter(g =>
        formats.includes(g.type as GatewayFormat),
      );
      if (candidates.length !== 1) {
        return candidates.length
          ? `${name}: several gateways read ${formats.join(
              '/',
            )} configuration (${candidates.map(g => g.id).join(', ')}); ${fix}`
          : `${name}: no gateway of type ${formats.join(
              ' or ',
            )} in interchange.gateways; add one, or ${fix}`;
      }
      gateway = candidates[0];
    }
    // Its provider already names routes `<gateway>.<route>`; the same names
    // from a Location would conflict in the catalog.
    if (gateway.files.length || gateway.adminUrl) {
      return `${name}: gateway '${
        gateway.id
      }' is read by its own provider (interchange.gateways[].${
        gateway.adminUrl ? 'adminUrl' : 'files'
      }); list this file in that gateway's 'files' instead of a Location, or point the Location at another gateway id`;
    }
    return gateway;
  }

  async #componentList(): Promise<Entity[]> {
    const now = Date.now();
    if (!this.#components || now - this.#components.at > COMPONENTS_TTL_MS) {
      const items = this.#auth
        .getOwnServiceCredentials()
        .then(credentials =>
          this.#catalog.getEntities(
            { filter: { kind: 'Component' } },
            { credentials },
          ),
        )
        .then(r => r.items);
      this.#components = { at: now, items };
      // Neither a failed lookup nor an empty catalog (still starting) is
      // worth remembering.
      // A later lookup may have replaced this one by the time it settles.
      const forget = () => {
        if (this.#components?.items === items) this.#components = undefined;
      };
      items.then(list => {
        if (!list.length) forget();
      }, forget);
    }
    return this.#components.items;
  }
}
