import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { toError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  parseRabbitMQDefinitions,
  rabbitmqEntitiesFromTopology,
} from '@interchange/plugin-interchange-common';
import { ConfigFileLocationType, configuredTargetsOf } from '../ingestion';

/**
 * Location type for RabbitMQ definitions files (`rabbitmqctl
 * export_definitions`, the management UI's export) kept in repositories.
 *
 * @public
 */
export const RABBITMQ_DEFINITIONS_LOCATION_TYPE =
  'interchange-rabbitmq-definitions';

/** The broker the file's objects live on. @public */
export const ANNOTATION_RABBITMQ_BROKER = 'interchange.dev/rabbitmq-broker';
/** For a vhost export (no `vhost` on its objects): which vhost. @public */
export const ANNOTATION_RABBITMQ_VHOST = 'interchange.dev/rabbitmq-vhost';
/** Owner of the entities; default the module's default owner. @public */
export const ANNOTATION_RABBITMQ_OWNER = 'interchange.dev/rabbitmq-owner';

/**
 * Turns Locations of type `interchange-rabbitmq-definitions` into
 * RabbitMQExchange and RabbitMQQueue entities, through the same read step
 * as gateway configuration files (readLocationFiles: a Location read from a
 * URL may only list URLs; local paths only for Locations from local files
 * or app-config).
 * A file that cannot be read or parsed is an error on the Location, and the
 * catalog keeps the entities it emitted before.
 *
 * @public
 */
export class RabbitMQDefinitionsLocationProcessor implements CatalogProcessor {
  readonly #locationType: ConfigFileLocationType;
  readonly #brokers: string[];
  readonly #defaultOwner: string;
  readonly #logger: LoggerService;

  constructor(options: {
    reader: UrlReaderService;
    integrations: ScmIntegrationRegistry;
    /** Configured broker ids. */
    brokers: string[];
    defaultOwner: string;
    configuredTargets?: () => string[];
    logger: LoggerService;
  }) {
    this.#locationType = new ConfigFileLocationType(
      RABBITMQ_DEFINITIONS_LOCATION_TYPE,
      {
        what: 'RabbitMQ definitions',
        files: 'the definitions files',
        missing: 'do not exist',
      },
      options,
    );
    this.#brokers = options.brokers;
    this.#defaultOwner = options.defaultOwner;
    this.#logger = options.logger;
  }

  /** Targets of `interchange-rabbitmq-definitions` locations in app-config. */
  static configuredTargets(config: Config): () => string[] {
    return configuredTargetsOf(config, RABBITMQ_DEFINITIONS_LOCATION_TYPE);
  }

  getProcessorName(): string {
    return 'InterchangeRabbitMQDefinitionsLocationProcessor';
  }

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
    const annotations = entity.metadata.annotations ?? {};
    const broker =
      annotations[ANNOTATION_RABBITMQ_BROKER]?.trim() ||
      (this.#brokers.length === 1 ? this.#brokers[0] : undefined);
    if (!broker || !this.#brokers.includes(broker)) {
      emit(
        processingResult.inputError(
          location,
          `Location ${entity.metadata.name}: ${
            broker
              ? `'${broker}' is not a configured RabbitMQ broker`
              : 'which broker the definitions belong to is not said'
          }; set the annotation ${ANNOTATION_RABBITMQ_BROKER} to one of ${
            this.#brokers.map(b => `'${b}'`).join(', ') ||
            '(none: add interchange.rabbitmq.brokers to app-config)'
          }`,
        ),
      );
      return entity;
    }
    const files = await this.#locationType.read(entity, spec, location, emit);
    for (const { name, file, source, sourceRef } of files) {
      let result;
      try {
        result = rabbitmqEntitiesFromTopology(
          parseRabbitMQDefinitions(file.text, {
            defaultVhost: annotations[ANNOTATION_RABBITMQ_VHOST],
          }),
          {
            broker,
            owner: annotations[ANNOTATION_RABBITMQ_OWNER] ?? this.#defaultOwner,
            namespace: entity.metadata.namespace ?? 'default',
          },
        );
      } catch (e) {
        emit(
          processingResult.inputError(
            location,
            `${name}: ${toError(e).message}`,
          ),
        );
        continue;
      }
      for (const e of [...result.exchanges, ...result.queues]) {
        e.metadata.annotations = {
          ...e.metadata.annotations,
          [ANNOTATION_LOCATION]: sourceRef,
          [ANNOTATION_ORIGIN_LOCATION]: sourceRef,
        };
        emit(processingResult.entity(source, e));
      }
      if (result.skipped.length) {
        this.#logger.info(
          `${name}: ${result.exchanges.length} exchanges and ${
            result.queues.length
          } queues for broker ${broker}; left out ${result.skipped.join('; ')}`,
        );
      }
    }
    return entity;
  }
}
