import { Knex } from 'knex';

const TABLE = 'interchange_catalog_problems';

/** @public */
export interface CatalogProblem {
  entityRef: string;
  location?: string;
  message: string;
  firstSeen: string;
  lastSeen: string;
}

/**
 * Keeps the latest catalog error per Interchange entity. The catalog reports
 * errors on every processing attempt but says nothing when an entity becomes
 * valid again, so an entry counts as current only while it keeps being
 * reported (see `list`).
 */
export class CatalogProblemsStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async record(
    problem: { entityRef: string; location?: string; message: string },
    now = new Date(),
  ) {
    await this.#db(TABLE)
      .insert({
        entity_ref: problem.entityRef,
        location: problem.location ?? null,
        message: problem.message,
        first_seen: now,
        last_seen: now,
      })
      .onConflict('entity_ref')
      .merge(['location', 'message', 'last_seen']);
  }

  /** Problems reported within `maxAgeMs`; older ones are deleted. */
  async list(options: {
    maxAgeMs: number;
    now?: Date;
  }): Promise<CatalogProblem[]> {
    const cutoff = new Date(
      (options.now ?? new Date()).getTime() - options.maxAgeMs,
    );
    await this.#db(TABLE).where('last_seen', '<', cutoff).delete();
    const rows = await this.#db(TABLE).select().orderBy('entity_ref');
    return rows.map(r => ({
      entityRef: r.entity_ref,
      location: r.location ?? undefined,
      message: r.message,
      firstSeen: new Date(r.first_seen).toISOString(),
      lastSeen: new Date(r.last_seen).toISOString(),
    }));
  }
}
