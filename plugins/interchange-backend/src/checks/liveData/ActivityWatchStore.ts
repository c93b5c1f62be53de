/**
 * Since when each watched integration entity has looked the same: for
 * topics and webhooks with nothing retained (retention deleted their
 * records or deliveries), the only honest answer to "idle since when?" is
 * "nothing since we have watched it unchanged".
 */
export interface ActivityWatchStore {
  /**
   * Records what each subject looks like now (`marker`) and answers since
   * when it has looked that way: a new subject or a changed marker starts
   * at `now`. Subjects not given are forgotten (the entity is gone, or it
   * has retained activity again), except those in `keep`, whose state could
   * not be read this time (a cluster unreachable): their watch goes on.
   */
  observe(
    markers: Map<string, string>,
    now: Date,
    keep?: ReadonlySet<string>,
  ): Promise<Map<string, Date>>;
}
