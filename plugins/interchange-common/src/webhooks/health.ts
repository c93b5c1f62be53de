/**
 * Endpoint health from its latest delivery attempts: success rate and
 * latency percentiles, and a verdict a card or list can show.
 */

/** One attempt, as far as health cares. @public */
export interface AttemptSummary {
  outcome: 'delivered' | 'failed' | 'refused' | 'received' | 'rejected';
  durationMs: number;
  attemptedAt: number;
}

/** @public */
export type EndpointHealthStatus =
  | 'healthy'
  | 'degraded'
  | 'failing'
  | 'unknown';

/** @public */
export interface EndpointHealth {
  status: EndpointHealthStatus;
  attempts: number;
  /** 0..1; undefined without attempts. */
  successRate?: number;
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  lastAttemptAt?: number;
  lastOutcome?: AttemptSummary['outcome'];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * Health over the latest `window` attempts: `failing` when the last three
 * all failed or fewer than half succeeded, `degraded` below 95 %, else
 * `healthy`; `unknown` without attempts.
 *
 * @public
 */
export function computeEndpointHealth(
  attempts: AttemptSummary[],
  window = 50,
): EndpointHealth {
  const recent = [...attempts]
    .sort((a, b) => b.attemptedAt - a.attemptedAt)
    .slice(0, window);
  if (!recent.length) {
    return { status: 'unknown', attempts: 0 };
  }
  const ok = (a: AttemptSummary) =>
    a.outcome === 'delivered' || a.outcome === 'received';
  const successRate = recent.filter(ok).length / recent.length;
  const durations = recent.map(a => a.durationMs).sort((a, b) => a - b);
  const lastThreeFailed =
    recent.length >= 3 && recent.slice(0, 3).every(a => !ok(a));
  let status: EndpointHealthStatus = 'healthy';
  if (lastThreeFailed || successRate < 0.5) {
    status = 'failing';
  } else if (successRate < 0.95) {
    status = 'degraded';
  }
  return {
    status,
    attempts: recent.length,
    successRate,
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    p99Ms: percentile(durations, 99),
    lastAttemptAt: recent[0].attemptedAt,
    lastOutcome: recent[0].outcome,
  };
}
