import { AttemptSummary, computeEndpointHealth } from './health';

const attempt = (
  i: number,
  outcome: AttemptSummary['outcome'],
  durationMs = 10 * (i + 1),
): AttemptSummary => ({ outcome, durationMs, attemptedAt: 1000 + i });

describe('computeEndpointHealth', () => {
  it('is unknown without attempts', () => {
    expect(computeEndpointHealth([])).toEqual({
      status: 'unknown',
      attempts: 0,
    });
  });

  it('computes success rate and nearest-rank percentiles', () => {
    const attempts = Array.from({ length: 20 }, (_, i) =>
      attempt(i, i === 5 ? 'failed' : 'delivered'),
    );
    expect(computeEndpointHealth(attempts)).toEqual({
      status: 'healthy',
      attempts: 20,
      successRate: 0.95,
      p50Ms: 100,
      p95Ms: 190,
      p99Ms: 200,
      lastAttemptAt: 1019,
      lastOutcome: 'delivered',
    });
  });

  it('is degraded below 95 % and failing when the latest three failed', () => {
    const mostlyOk = Array.from({ length: 10 }, (_, i) =>
      attempt(i, i === 2 ? 'failed' : 'delivered'),
    );
    expect(computeEndpointHealth(mostlyOk).status).toBe('degraded');
    const brokenNow = Array.from({ length: 10 }, (_, i) =>
      attempt(i, i >= 7 ? 'refused' : 'delivered'),
    );
    expect(computeEndpointHealth(brokenNow).status).toBe('failing');
  });

  it('only looks at the latest window', () => {
    const attempts = [
      ...Array.from({ length: 10 }, (_, i) => attempt(i, 'failed')),
      ...Array.from({ length: 5 }, (_, i) => attempt(100 + i, 'received')),
    ];
    expect(computeEndpointHealth(attempts, 5)).toMatchObject({
      status: 'healthy',
      attempts: 5,
      successRate: 1,
    });
  });
});
