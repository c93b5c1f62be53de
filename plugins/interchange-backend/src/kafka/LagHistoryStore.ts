import { LagSample } from '@interchange/plugin-interchange-common';

/**
 * Bounded history of consumer-group offsets per cluster. Times are
 * milliseconds since the epoch, as in {@link LagSample}; rows older than the
 * retention are pruned after every sampling run, so the history's size is
 * set by retention × groups, not by uptime.
 */
export interface LagHistoryStore {
  /** One sampling run of a cluster: a sample per consumer group. */
  add(cluster: string, samples: Map<string, LagSample>): Promise<void>;

  /** The latest `limit` samples of each group, oldest first. */
  recent(
    cluster: string,
    groupIds: string[],
    limit: number,
  ): Promise<Map<string, LagSample[]>>;

  /** A group's total lag since `since`, oldest first, for the trend chart. */
  trend(
    cluster: string,
    groupId: string,
    since: number,
  ): Promise<{ timestamp: number; totalLag: number }[]>;

  /** Deletes samples taken before `olderThan`; returns how many. */
  prune(olderThan: number): Promise<number>;
}
