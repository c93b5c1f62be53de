import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, LocationEntityV1alpha1 } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import { CatalogProcessorEmit } from '@backstage/plugin-catalog-node';
import {
  LocationFile,
  LocationFileWords,
  locationOfType,
  readLocationFiles,
} from './readLocationFiles';

/**
 * One Location type whose files go through the ingestion pipeline
 * (`interchange-gateway-config`, `interchange-rabbitmq-definitions`): what
 * the processor of each such type shares - claiming the type, recognising
 * its Location entities and the read step with the reader, integrations
 * and configured targets the processor was made with - so that a processor
 * holds only its own checks and its parse, map and emit steps.
 */
export class ConfigFileLocationType {
  readonly #type: string;
  readonly #words: LocationFileWords;
  readonly #reader: UrlReaderService;
  readonly #integrations: ScmIntegrationRegistry;
  readonly #configuredTargets: () => string[];

  constructor(
    type: string,
    words: LocationFileWords,
    options: {
      reader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
      /** Targets of this type in app-config; the only ones that may be local paths. */
      configuredTargets?: () => string[];
    },
  ) {
    this.#type = type;
    this.#words = words;
    this.#reader = options.reader;
    this.#integrations = options.integrations;
    this.#configuredTargets = options.configuredTargets ?? (() => []);
  }

  /**
   * For the processor's readLocation: claims the type so the catalog does
   * not report it as unknown. The files are read in postProcessEntity of
   * the Location entity, the only place its annotations and its own origin
   * are known.
   */
  claims(location: LocationSpec): boolean {
    return location.type === this.#type;
  }

  /** The spec of `entity` when it is a Location of this type, else undefined. */
  specOf(entity: Entity): LocationEntityV1alpha1['spec'] | undefined {
    return locationOfType(entity, this.#type);
  }

  /** The read step (readLocationFiles) for a Location of this type. */
  read(
    entity: Entity,
    spec: LocationEntityV1alpha1['spec'],
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<LocationFile[]> {
    return readLocationFiles({
      entity,
      spec,
      location,
      emit,
      locationType: this.#type,
      words: this.#words,
      reader: this.#reader,
      integrations: this.#integrations,
      configuredTargets: this.#configuredTargets,
    });
  }
}
