import type { StrategySnapshot } from '@interchange/plugin-interchange-common';

/**
 * Stored snapshots of the integration strategy's numbers, at most one per
 * UTC day (the day's latest numbers).
 */
export interface StrategySnapshotStore {
  /** The latest snapshot of a day before `day` (YYYY-MM-DD), with its `takenAt`. */
  latestBefore(day: string): Promise<StrategySnapshot | undefined>;
  /** The snapshot of `day`, if one is stored. */
  forDay(day: string): Promise<StrategySnapshot | undefined>;
  /** Stores the snapshot as `day`'s, replacing an earlier one of that day. */
  put(day: string, snapshot: StrategySnapshot, takenAt: Date): Promise<void>;
  /** Deletes the snapshots of days before `day`; returns how many. */
  pruneBefore(day: string): Promise<number>;
}
