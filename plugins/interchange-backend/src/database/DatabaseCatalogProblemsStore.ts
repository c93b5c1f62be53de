import { Knex } from 'knex';
import {
  CatalogProblem,
  CatalogProblemsStore,
} from '../problems/CatalogProblemsStore';
import { fromDbTime } from './dbTime';

const TABLE = 'interchange_catalog_problems';

type Row = {
  entity_ref: string;
  location: string | null;
  message: string;
  first_seen: Date | number | string;
  last_seen: Date | number | string;
};

/** {@link CatalogProblemsStore} in the plugin database. */
export class DatabaseCatalogProblemsStore implements CatalogProblemsStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async record(
    problem: { entityRef: string; location?: string; message: string },
    now = new Date(),
  ): Promise<void> {
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

  async list(options: {
    maxAgeMs: number;
    now?: Date;
  }): Promise<CatalogProblem[]> {
    const cutoff = new Date(
      (options.now ?? new Date()).getTime() - options.maxAgeMs,
    );
    const rows: Row[] = await this.#db(TABLE)
      .select()
      .where('last_seen', '>=', cutoff)
      .orderBy('entity_ref');
    return rows.map(r => ({
      entityRef: r.entity_ref,
      location: r.location ?? undefined,
      message: r.message,
      firstSeen: fromDbTime(r.first_seen).toISOString(),
      lastSeen: fromDbTime(r.last_seen).toISOString(),
    }));
  }

  async prune(olderThan: Date): Promise<number> {
    return this.#db(TABLE).where('last_seen', '<', olderThan).delete();
  }
}
