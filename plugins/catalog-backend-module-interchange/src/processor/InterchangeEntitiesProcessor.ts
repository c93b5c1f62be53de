import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
} from '@backstage/plugin-catalog-node';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  formatEntityProblems,
  INTERCHANGE_API_VERSION,
  INTERCHANGE_KINDS,
  InterchangeValidationOptions,
  validateInterchangeEntity,
} from '@interchange/plugin-interchange-common';
import {
  readGateways,
  readKafkaClusters,
} from '@interchange/plugin-interchange-node';
import { emitInterchangeRelations } from './emitRelations';

/**
 * Validates KafkaTopic, GatewayRoute and Webhook entities and emits the
 * Interchange relations for them and for Components that declare
 * `spec.producesTo` / `spec.consumesFrom`.
 *
 * @public
 */
export class InterchangeEntitiesProcessor implements CatalogProcessor {
  readonly #options: InterchangeValidationOptions;
  readonly #logger?: LoggerService;

  /**
   * Cluster and gateway ids in entities are checked against the configured
   * ones, but only when some are configured: a portal that does not read live
   * state still gets the rest of the validation.
   */
  static fromConfig(
    config: Config,
    options: {
      logger?: LoggerService;
      /** Accepted gateway types (the registered format ids); default built-ins. */
      gatewayTypes?: readonly string[];
      /** Configured RabbitMQ broker ids. */
      rabbitmqBrokers?: string[];
    } = {},
  ) {
    const clusters = readKafkaClusters(config).map(c => c.id);
    const gateways = readGateways(config, {
      types: options.gatewayTypes,
    }).map(g => g.id);
    return new InterchangeEntitiesProcessor({
      knownClusters: clusters.length ? clusters : undefined,
      knownGateways: gateways.length ? gateways : undefined,
      knownRabbitMQBrokers: options.rabbitmqBrokers?.length
        ? options.rabbitmqBrokers
        : undefined,
      logger: options.logger,
    });
  }

  constructor(
    options: InterchangeValidationOptions & { logger?: LoggerService } = {},
  ) {
    const { logger, ...validation } = options;
    this.#options = validation;
    this.#logger = logger;
  }

  getProcessorName(): string {
    return 'InterchangeEntitiesProcessor';
  }

  /**
   * Runs before the catalog's schema-only model processor (priority 20), so
   * that users see our messages (with field paths and fixes) rather than raw
   * JSON-schema errors when the kinds are also registered as a model layer.
   */
  getPriority(): number {
    return 10;
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (
      entity.apiVersion !== INTERCHANGE_API_VERSION ||
      !(INTERCHANGE_KINDS as readonly string[]).includes(entity.kind)
    ) {
      return false;
    }
    const problems = validateInterchangeEntity(entity, this.#options);
    if (problems.length > 0) {
      throw new InputError(
        `${entity.kind} '${
          entity.metadata?.name
        }' is invalid:\n${formatEntityProblems(problems)}`,
      );
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (entity.kind === 'Component') {
      // A bad integration field must not make a whole component disappear
      // from the catalog, so it is reported in the log and skipped; the
      // `interchange validate` command reports it as an error in CI.
      const problems = validateInterchangeEntity(entity);
      if (problems.length > 0) {
        this.#logger?.warn(
          `Ignoring invalid integration fields of ${stringifyEntityRef(
            entity,
          )}:\n${formatEntityProblems(problems)}`,
        );
        return entity;
      }
    }
    emitInterchangeRelations(entity, emit);
    return entity;
  }
}
