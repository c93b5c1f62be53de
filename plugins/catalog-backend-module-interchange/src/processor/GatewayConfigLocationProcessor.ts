import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
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
  createGatewayFormatRegistry,
  GatewayFileParseResult,
  GatewayFormatRegistry,
} from '@interchange/plugin-interchange-common';
import { GatewayConfig } from '@interchange/plugin-interchange-node';
import {
  ANNOTATION_LOCATION_GATEWAY,
  chooseGateway,
  ComponentIndex,
  ConfigFileLocationType,
  configuredTargetsOf,
  linkToComponents,
  LocationFile,
  LocationFileWords,
  mapToEntities,
  noKnownFormatMessage,
  parseConfigFile,
} from '../ingestion';

export { ANNOTATION_LOCATION_GATEWAY };

/**
 * Location type for gateway configuration files (kong.yml, HTTPRoute and
 * VirtualService manifests, AWS API Gateway exports, and formats added
 * through `interchangeConfigFormatsExtensionPoint`) kept in repositories.
 * Each route in the file becomes a GatewayRoute entity.
 *
 * @public
 */
export const GATEWAY_CONFIG_LOCATION_TYPE = 'interchange-gateway-config';

/** How the Location's errors call its files. */
const GATEWAY_CONFIG_WORDS: LocationFileWords = {
  what: 'gateway configuration',
  files: 'the gateway configuration files',
  missing: 'does not exist',
};

/**
 * Turns `Location` entities of type `interchange-gateway-config` into
 * GatewayRoute entities, one per route in each listed file, through the
 * ingestion pipeline (src/ingestion): read, parse, link to components, map.
 *
 * The work happens in `postProcessEntity` of the Location entity rather than
 * in `readLocation`, because only there are the Location's annotations and
 * its own origin known: the gateway comes from the `interchange.dev/gateway`
 * annotation (else the only configured gateway of the file's format), and a
 * Location that was itself read from a URL may only list URLs, so a
 * repository cannot make the backend read files from its own disk
 * (resolveConfigTarget).
 *
 * A file that cannot be read or parsed is an error on the Location; the
 * catalog then keeps the entities it emitted before. Routes are linked to
 * the components of the shared ComponentIndex, and every processing pass
 * links again, so routes processed before their component existed are
 * linked on a later pass.
 *
 * @public
 */
export class GatewayConfigLocationProcessor implements CatalogProcessor {
  readonly #locationType: ConfigFileLocationType;
  readonly #gateways: GatewayConfig[];
  readonly #logger: LoggerService;
  readonly #defaultOwner: string;
  readonly #defaultSystem?: string;
  readonly #formats: GatewayFormatRegistry;
  readonly #components: ComponentIndex;

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
    /** The formats files are read with. Default the built-in ones. */
    formats?: GatewayFormatRegistry;
    /**
     * The components routes are linked to; pass the one the gateway
     * providers use. Default a new index of `catalog`.
     */
    components?: ComponentIndex;
  }) {
    this.#locationType = new ConfigFileLocationType(
      GATEWAY_CONFIG_LOCATION_TYPE,
      GATEWAY_CONFIG_WORDS,
      options,
    );
    this.#gateways = options.gateways;
    this.#logger = options.logger;
    this.#defaultOwner = options.defaultOwner;
    this.#defaultSystem = options.defaultSystem;
    this.#formats = options.formats ?? createGatewayFormatRegistry();
    this.#components =
      options.components ??
      new ComponentIndex({ catalog: options.catalog, auth: options.auth });
  }

  /**
   * The `interchange-gateway-config` targets of `catalog.locations`, for
   * the `configuredTargets` option.
   */
  static configuredTargets(config: Config): () => string[] {
    return configuredTargetsOf(config, GATEWAY_CONFIG_LOCATION_TYPE);
  }

  getProcessorName(): string {
    return 'InterchangeGatewayConfigLocationProcessor';
  }

  /**
   * Claims the location type so the catalog does not report it as unknown;
   * the files are read in postProcessEntity of the Location entity.
   */
  async readLocation(location: LocationSpec): Promise<boolean> {
    return this.#locationType.claims(location);
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const spec = this.#locationType.specOf(entity);
    if (!spec) {
      return entity;
    }
    const files = await this.#locationType.read(entity, spec, location, emit);
    const annotated =
      entity.metadata.annotations?.[ANNOTATION_LOCATION_GATEWAY]?.trim() ||
      undefined;
    for (const file of files) {
      await this.#ingest(file, annotated, location, emit);
    }
    return entity;
  }

  /** One read file through the rest of the pipeline: parse, choose the gateway, link, map. */
  async #ingest(
    { name, file, source, sourceRef }: LocationFile,
    annotated: string | undefined,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<void> {
    let parsed: GatewayFileParseResult;
    try {
      parsed = parseConfigFile(file, this.#formats);
    } catch (e) {
      emit(processingResult.inputError(location, toError(e).message));
      return;
    }
    if (!parsed.formats.length) {
      emit(
        processingResult.inputError(
          location,
          noKnownFormatMessage(name, this.#formats),
        ),
      );
      return;
    }

    const gateway = chooseGateway(
      name,
      annotated,
      parsed.formats,
      this.#gateways,
    );
    if (typeof gateway === 'string') {
      emit(processingResult.inputError(location, gateway));
      return;
    }

    const { entities, answeredByGateway } = mapToEntities(
      linkToComponents(parsed.routes, await this.#components.snapshot()),
      {
        gateway: gateway.id,
        defaultOwner: gateway.defaultOwner ?? this.#defaultOwner,
        defaultSystem: gateway.defaultSystem ?? this.#defaultSystem,
        source: sourceRef,
        location: sourceRef,
      },
    );
    for (const { entity } of entities) {
      emit(processingResult.entity(source, entity));
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
        `${name}: ${entities.length} routes for gateway ${
          gateway.id
        }; skipped ${skipped.join('; ')}`,
      );
    }
  }
}
