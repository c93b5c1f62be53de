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
 * reported: `list` hides the ones not reported within its age, and `prune`
 * (on a schedule, never during a read) deletes them.
 */
export interface CatalogProblemsStore {
  /** Records a problem now reported, keeping when it was first seen. */
  record(
    problem: { entityRef: string; location?: string; message: string },
    now?: Date,
  ): Promise<void>;

  /** Problems reported within `maxAgeMs` of `now`, by entity ref. Reads only. */
  list(options: { maxAgeMs: number; now?: Date }): Promise<CatalogProblem[]>;

  /** Deletes problems last reported before `olderThan`; returns how many. */
  prune(olderThan: Date): Promise<number>;
}
