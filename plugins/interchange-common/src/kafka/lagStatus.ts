/**
 * Consumer-group health over a window of lag samples, after Burrow's
 * evaluation rules (github.com/linkedin/Burrow, "Consumer Lag Evaluation
 * Rules"), adapted to what an admin client can observe: we see committed
 * offsets and log-end offsets at sample times, and whether the group has
 * active members, but not individual commits.
 *
 * Per partition, over the window:
 * - lag was zero at any sample: OK
 * - the committed offset moved backwards: ERROR (reset or topic recreated)
 * - the committed offset did not move and lag is above zero: STOPPED when the
 *   group has no active members, STALLED when members are connected but not
 *   making progress
 * - the committed offset moved but lag grew (or held) at every step: WARNING
 *   (the group is falling behind), or ERROR once its time lag reaches
 *   `errorTimeLagMs` (Burrow has no such rule; it is what turns a consumer
 *   that keeps falling behind from "watch it" into "act now")
 * - otherwise OK
 * The group's status is its worst partition's. The rules themselves are the
 * ones every bus shares (liveState/destinationStatus.ts); this file turns
 * offsets into their signals and words the reasons.
 */

import {
  DestinationRule,
  destinationStatus,
  DestinationStatus,
  worstDestination,
} from '../liveState/destinationStatus';

/**
 * The default time lag at which a group that keeps falling behind is ERROR
 * rather than WARNING: 15 minutes.
 *
 * @public
 */
export const DEFAULT_ERROR_TIME_LAG_MS = 15 * 60_000;

/** @public */
export interface LagStatusOptions {
  hasActiveMembers: boolean;
  /**
   * Time lag at which a partition that is falling behind (WARNING) becomes
   * ERROR. Default {@link DEFAULT_ERROR_TIME_LAG_MS}.
   */
  errorTimeLagMs?: number;
}

/** The same vocabulary as every destination's. @public */
export type LagStatus = DestinationStatus;

/** One observation of a partition at one sample time. @public */
export interface LagSamplePartition {
  topic: string;
  partition: number;
  committedOffset?: number;
  logEndOffset: number;
}

/** @public */
export interface LagSample {
  /** Milliseconds since the epoch. */
  timestamp: number;
  partitions: LagSamplePartition[];
}

/** @public */
export interface PartitionLagStatus {
  topic: string;
  partition: number;
  status: LagStatus;
  reason: string;
  lag?: number;
  /** How far behind in time the committed offset is, estimated from the samples. */
  timeLagMs?: number;
  /** True when the committed offset is older than the whole window, so the real time lag is larger. */
  timeLagIsLowerBound?: boolean;
}

/** @public */
export interface GroupLagStatus {
  status: LagStatus;
  reason: string;
  partitions: PartitionLagStatus[];
  totalLag: number;
  maxTimeLagMs?: number;
  samples: number;
  windowMs: number;
}

/**
 * When, by the samples, the log end was at `offset`: the time the message at
 * the committed offset was (roughly) written. Linear between samples.
 */
function timeAtOffset(
  history: Array<{ timestamp: number; logEndOffset: number }>,
  offset: number,
): { timestamp: number; lowerBound: boolean } | undefined {
  if (history.length === 0) {
    return undefined;
  }
  if (offset < history[0].logEndOffset) {
    return { timestamp: history[0].timestamp, lowerBound: true };
  }
  for (let i = 1; i < history.length; i++) {
    const a = history[i - 1];
    const b = history[i];
    if (offset <= b.logEndOffset) {
      const span = b.logEndOffset - a.logEndOffset;
      const fraction = span > 0 ? (offset - a.logEndOffset) / span : 1;
      return {
        timestamp: a.timestamp + fraction * (b.timestamp - a.timestamp),
        lowerBound: false,
      };
    }
  }
  return undefined;
}

function evaluatePartition(
  series: Array<{
    timestamp: number;
    committedOffset?: number;
    logEndOffset: number;
  }>,
  options: LagStatusOptions,
): Omit<PartitionLagStatus, 'topic' | 'partition'> {
  const { hasActiveMembers } = options;
  const errorTimeLagMs = options.errorTimeLagMs ?? DEFAULT_ERROR_TIME_LAG_MS;
  const last = series[series.length - 1];
  const withCommits = series.filter(
    s => s.committedOffset !== undefined,
  ) as Array<{
    timestamp: number;
    committedOffset: number;
    logEndOffset: number;
  }>;
  if (withCommits.length === 0) {
    return { status: 'OK', reason: 'no committed offset for this partition' };
  }
  const lags = withCommits.map(s =>
    Math.max(0, s.logEndOffset - s.committedOffset),
  );
  const current = withCommits[withCommits.length - 1];
  const lag = lags[lags.length - 1];
  const at = timeAtOffset(series, current.committedOffset);
  let timeLagMs: number | undefined;
  if (lag === 0) {
    timeLagMs = 0;
  } else if (at) {
    timeLagMs = Math.max(0, last.timestamp - at.timestamp);
  }
  const base = {
    lag,
    timeLagMs,
    timeLagIsLowerBound: lag > 0 && at?.lowerBound ? true : undefined,
  };

  const first = withCommits[0];
  const verdict = destinationStatus(
    {
      depth: lag,
      drained: lags.some(l => l === 0),
      consumersAttached: hasActiveMembers,
      regressed: current.committedOffset < first.committedOffset,
      progressing:
        withCommits.length < 2
          ? undefined
          : current.committedOffset !== first.committedOffset,
      growing: lags.every((l, i) => i === 0 || l >= lags[i - 1]),
      timeLagMs,
    },
    { errorTimeLagMs },
  );
  return {
    ...base,
    status: verdict.status,
    reason: partitionReason(verdict.rule, {
      timeLagMs,
      lowerBound: base.timeLagIsLowerBound,
      errorTimeLagMs,
    }),
  };
}

/** The Kafka wording of each status rule, in offsets and members. */
function partitionReason(
  rule: DestinationRule,
  at: { timeLagMs?: number; lowerBound?: boolean; errorTimeLagMs: number },
): string {
  switch (rule) {
    case 'drained':
      return 'caught up at least once in the window';
    case 'regressed':
      return 'the committed offset moved backwards (offsets reset or topic recreated)';
    case 'too-few-samples':
      return 'not enough samples yet to judge progress';
    case 'stalled':
      return 'members are connected but the committed offset has not moved while lag remains';
    case 'stopped':
      return 'no active members and the committed offset has not moved while lag remains';
    case 'over-threshold':
      return `committing, but lag grew at every sample and the time lag (${formatMinutes(
        at.timeLagMs ?? 0,
      )}${
        at.lowerBound ? ' or more' : ''
      }) reached the error threshold (${formatMinutes(at.errorTimeLagMs)})`;
    case 'falling-behind':
      return 'committing, but lag grew at every sample: falling behind';
    default:
      return 'committing and keeping up';
  }
}

function formatMinutes(ms: number): string {
  const minutes = ms / 60_000;
  return minutes >= 10 || Number.isInteger(minutes)
    ? `${Math.round(minutes)} min`
    : `${minutes.toFixed(1)} min`;
}

function groupReason(worst: PartitionLagStatus | undefined): string {
  if (!worst) {
    return 'the group has no committed offsets';
  }
  if (worst.status === 'OK') {
    return 'all partitions are keeping up';
  }
  return `${worst.topic}[${worst.partition}]: ${worst.reason}`;
}

/**
 * Evaluates a group over its samples (oldest first).
 *
 * @public
 */
export function evaluateGroupLag(
  samples: LagSample[],
  options: LagStatusOptions,
): GroupLagStatus {
  if (
    options.errorTimeLagMs !== undefined &&
    !(Number.isFinite(options.errorTimeLagMs) && options.errorTimeLagMs > 0)
  ) {
    throw new Error(
      `errorTimeLagMs must be a positive number of milliseconds (got ${options.errorTimeLagMs})`,
    );
  }
  const ordered = [...samples].sort((a, b) => a.timestamp - b.timestamp);
  if (ordered.length === 0) {
    return {
      status: 'OK',
      reason: 'no samples yet',
      partitions: [],
      totalLag: 0,
      samples: 0,
      windowMs: 0,
    };
  }
  const series = new Map<
    string,
    Array<{ timestamp: number; committedOffset?: number; logEndOffset: number }>
  >();
  for (const sample of ordered) {
    for (const p of sample.partitions) {
      const key = `${p.topic}\u0000${p.partition}`;
      const list = series.get(key) ?? [];
      list.push({
        timestamp: sample.timestamp,
        committedOffset: p.committedOffset,
        logEndOffset: p.logEndOffset,
      });
      series.set(key, list);
    }
  }
  const latestKeys = new Set(
    ordered[ordered.length - 1].partitions.map(
      p => `${p.topic}\u0000${p.partition}`,
    ),
  );
  const partitions: PartitionLagStatus[] = [...series.entries()]
    .filter(([key]) => latestKeys.has(key))
    .map(([key, s]) => {
      const [topic, partition] = key.split('\u0000');
      return {
        topic,
        partition: Number(partition),
        ...evaluatePartition(s, options),
      };
    })
    .sort((a, b) =>
      a.topic === b.topic
        ? a.partition - b.partition
        : a.topic.localeCompare(b.topic),
    );
  const worst = worstDestination(partitions);
  const timeLags = partitions
    .map(p => p.timeLagMs)
    .filter((t): t is number => t !== undefined);
  return {
    status: worst?.status ?? 'OK',
    reason: groupReason(worst),
    partitions,
    totalLag: partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0),
    maxTimeLagMs: timeLags.length ? Math.max(...timeLags) : undefined,
    samples: ordered.length,
    windowMs: ordered[ordered.length - 1].timestamp - ordered[0].timestamp,
  };
}
