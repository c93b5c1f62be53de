/**
 * The status rules of a destination (a Kafka consumer group's partition, a
 * RabbitMQ queue), written once for every bus. A bus turns what it observes
 * into {@link DestinationSignals}; this decides which rule applies, and the
 * bus words the reason in its own terms (offsets and members for Kafka,
 * messages and consumers for RabbitMQ).
 *
 * The rules, first match wins:
 * 1. `drained`: the depth was zero in the window: OK
 * 2. `regressed`: the consumer's position went backwards: ERROR
 * 3. `too-few-samples`: not enough history to judge progress: OK
 * 4. `stopped` / `stalled`: no progress while messages wait: STOPPED when no
 *    consumer is attached, STALLED when consumers are attached
 * 5. `over-threshold`: ERROR past the bus's threshold (a depth, whatever the
 *    trend; or a time lag, while the depth grows)
 * 6. `falling-behind`: consuming, but the depth grows: WARNING
 * 7. `keeping-up`: OK
 */

/**
 * The status vocabulary every bus shares, from best to worst.
 *
 * @public
 */
export type DestinationStatus =
  | 'OK'
  | 'WARNING'
  | 'STALLED'
  | 'STOPPED'
  | 'ERROR';

/** Which status rule decided. @public */
export type DestinationRule =
  | 'drained'
  | 'regressed'
  | 'too-few-samples'
  | 'stopped'
  | 'stalled'
  | 'over-threshold'
  | 'falling-behind'
  | 'keeping-up';

/**
 * What a bus observed of one destination over its window of samples.
 *
 * @public
 */
export interface DestinationSignals {
  /** Messages waiting now (lag of a partition, ready + unacknowledged of a queue). */
  depth: number;
  /** The depth was zero at some point of the window. */
  drained: boolean;
  /** Consumers are attached (a group's active members, a queue's consumers). */
  consumersAttached: boolean;
  /**
   * Whether consumption made progress over the window; undefined when the
   * window is too short to say.
   */
  progressing: boolean | undefined;
  /** The consumer's position went backwards (offsets reset, topic recreated). */
  regressed?: boolean;
  /** The depth grew over the window (by the bus's own measure). */
  growing: boolean;
  /** How far behind in time the consumer is, when the bus can tell. */
  timeLagMs?: number;
}

/**
 * The thresholds that turn a destination ERROR: each bus's settings
 * (`interchange.kafka.lagStatus.errorTimeLag`, a RabbitMQ broker's
 * `queueStatus.errorDepth`).
 *
 * @public
 */
export interface DestinationThresholds {
  /** More waiting messages than this is ERROR, whatever the trend. */
  errorDepth?: number;
  /** A growing depth whose time lag reaches this is ERROR. */
  errorTimeLagMs?: number;
}

/** @public */
export interface DestinationVerdict {
  status: DestinationStatus;
  rule: DestinationRule;
}

const STATUS_OF_RULE: Record<DestinationRule, DestinationStatus> = {
  drained: 'OK',
  regressed: 'ERROR',
  'too-few-samples': 'OK',
  stopped: 'STOPPED',
  stalled: 'STALLED',
  'over-threshold': 'ERROR',
  'falling-behind': 'WARNING',
  'keeping-up': 'OK',
};

function overThreshold(
  s: DestinationSignals,
  t: DestinationThresholds,
): boolean {
  if (t.errorDepth !== undefined && s.depth > t.errorDepth) {
    return true;
  }
  return (
    s.growing &&
    t.errorTimeLagMs !== undefined &&
    s.timeLagMs !== undefined &&
    s.timeLagMs >= t.errorTimeLagMs
  );
}

function ruleOf(
  s: DestinationSignals,
  t: DestinationThresholds,
): DestinationRule {
  if (s.drained) {
    return 'drained';
  }
  if (s.regressed) {
    return 'regressed';
  }
  if (s.progressing === undefined) {
    return 'too-few-samples';
  }
  if (!s.progressing) {
    return s.consumersAttached ? 'stalled' : 'stopped';
  }
  if (overThreshold(s, t)) {
    return 'over-threshold';
  }
  return s.growing ? 'falling-behind' : 'keeping-up';
}

/**
 * Which status rule applies to a destination, and its status.
 *
 * @public
 */
export function destinationStatus(
  signals: DestinationSignals,
  thresholds: DestinationThresholds,
): DestinationVerdict {
  const rule = ruleOf(signals, thresholds);
  return { status: STATUS_OF_RULE[rule], rule };
}

const SEVERITY: Record<DestinationStatus, number> = {
  OK: 0,
  WARNING: 1,
  STALLED: 2,
  STOPPED: 3,
  ERROR: 4,
};

/**
 * The worst of several destinations (a group's partitions), the first of
 * equals; undefined for none.
 *
 * @public
 */
export function worstDestination<T extends { status: DestinationStatus }>(
  items: T[],
): T | undefined {
  return items.reduce<T | undefined>(
    (w, p) => (!w || SEVERITY[p.status] > SEVERITY[w.status] ? p : w),
    undefined,
  );
}
