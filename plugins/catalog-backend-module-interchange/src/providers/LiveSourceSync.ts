import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { ANNOTATION_DISCOVERED } from '@interchange/plugin-interchange-common';

/** What one run of a live-source provider did. */
export interface LiveSourceRefreshResult {
  applied: boolean;
  entities: number;
  reason?: string;
}

/**
 * The skeleton every "discover from a live source" provider shares (Kafka
 * topics, RabbitMQ exchanges and queues): read the source and the entities
 * catalog files declare, together; only when both were read, replace the
 * provider's entities with one full mutation. Any error applies nothing and
 * is logged, so an unreadable broker or catalog never removes an entity;
 * the next scheduled run recovers.
 *
 * Held by each provider rather than inherited, so the providers' public
 * classes keep their shape.
 */
export class LiveSourceSync<S> {
  readonly #options: LiveSourceSyncOptions<S>;
  #connection?: EntityProviderConnection;

  constructor(options: LiveSourceSyncOptions<S>) {
    this.#options = options;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#options.taskRunner?.run({
      id: `${this.#options.providerName}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /** One run; never throws. */
  async refresh(): Promise<LiveSourceRefreshResult> {
    const connection = this.#connection;
    if (!connection) {
      return { applied: false, entities: 0, reason: 'not connected' };
    }
    const { locationKey, logger } = this.#options;
    try {
      const [source, declared] = await Promise.all([
        this.#options.readSource(),
        this.#declared(),
      ]);
      const { entities, summary } = this.#options.toEntities(source, declared);
      await connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({ entity, locationKey })),
      });
      logger.info(summary);
      return { applied: true, entities: entities.length };
    } catch (e) {
      const reason = this.#options.describeError(e);
      logger.warn(
        `Not updating ${
          this.#options.what
        }: ${reason}. Existing entities are kept; the next run retries.`,
      );
      return { applied: false, entities: 0, reason };
    }
  }

  /** Entities of the source's kinds that catalog files declare (not ours). */
  async #declared(): Promise<Entity[]> {
    const { auth, catalog, declaredFilter } = this.#options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      { filter: declaredFilter },
      { credentials },
    );
    return items.filter(
      e => e.metadata.annotations?.[ANNOTATION_DISCOVERED] !== 'true',
    );
  }
}

/** @see LiveSourceSync */
export interface LiveSourceSyncOptions<S> {
  /** The provider's name, also the id of its scheduled task (`<name>:refresh`). */
  providerName: string;
  /** The location key of every entity the provider emits. */
  locationKey: string;
  /** What is not updated when a run fails, for the log ("discovered topics of Kafka cluster x"). */
  what: string;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  taskRunner?: SchedulerServiceTaskRunner;
  /** The catalog filter of the kinds the source holds, on its broker or cluster. */
  declaredFilter: Record<string, string> | Record<string, string>[];
  /** Reads the live source; throws when it cannot be read completely. */
  readSource(): Promise<S>;
  /** The entities to emit and the line to log, from a complete read. */
  toEntities(
    source: S,
    declared: Entity[],
  ): { entities: Entity[]; summary: string };
  /** The cause of a failed run, in the bus's terms. */
  describeError(e: unknown): string;
}

/**
 * The name of a discovered entity, never one that catalog files already
 * declare for something else (kept within the 63 characters of a name).
 */
export function discoveredName(name: string, taken: boolean): string {
  return taken ? `${name.slice(0, 52)}-discovered` : name;
}
