import { evaluateGroupLag, LagSample } from './lagStatus';

/** Samples one minute apart for one partition: [committed, logEnd] pairs. */
const series = (points: Array<[number | undefined, number]>): LagSample[] =>
  points.map(([committedOffset, logEndOffset], i) => ({
    timestamp: 1_000_000 + i * 60_000,
    partitions: [
      { topic: 'orders', partition: 0, committedOffset, logEndOffset },
    ],
  }));

describe('evaluateGroupLag', () => {
  it('is OK when lag touched zero in the window', () => {
    const r = evaluateGroupLag(
      series([
        [10, 10],
        [12, 15],
        [15, 20],
      ]),
      { hasActiveMembers: true },
    );
    expect(r.status).toBe('OK');
    expect(r.partitions[0].reason).toBe(
      'caught up at least once in the window',
    );
    expect(r.totalLag).toBe(5);
  });

  it('is OK when the consumer commits and lag shrinks', () => {
    expect(
      evaluateGroupLag(
        series([
          [0, 50],
          [30, 60],
          [65, 70],
        ]),
        { hasActiveMembers: true },
      ).status,
    ).toBe('OK');
  });

  it('warns when the consumer commits but falls further behind at every step', () => {
    const r = evaluateGroupLag(
      series([
        [0, 10],
        [5, 20],
        [9, 40],
      ]),
      { hasActiveMembers: true },
    );
    expect(r.status).toBe('WARNING');
    expect(r.reason).toBe(
      'orders[0]: committing, but lag grew at every sample: falling behind',
    );
  });

  it('is STALLED when members are connected but the offset does not move', () => {
    expect(
      evaluateGroupLag(
        series([
          [5, 10],
          [5, 12],
          [5, 15],
        ]),
        { hasActiveMembers: true },
      ).status,
    ).toBe('STALLED');
  });

  it('is STOPPED when nobody consumes and lag remains', () => {
    const r = evaluateGroupLag(
      series([
        [5, 10],
        [5, 10],
        [5, 10],
      ]),
      { hasActiveMembers: false },
    );
    expect(r.status).toBe('STOPPED');
  });

  it('is ERROR when the committed offset moves backwards', () => {
    expect(
      evaluateGroupLag(
        series([
          [50, 60],
          [10, 70],
        ]),
        { hasActiveMembers: true },
      ).status,
    ).toBe('ERROR');
  });

  it('waits for a second sample before judging progress', () => {
    const r = evaluateGroupLag(series([[5, 10]]), { hasActiveMembers: false });
    expect(r.status).toBe('OK');
    expect(r.partitions[0].reason).toBe(
      'not enough samples yet to judge progress',
    );
  });

  it('reports the worst partition as the group status', () => {
    const samples: LagSample[] = [0, 1, 2].map(i => ({
      timestamp: i * 60_000,
      partitions: [
        {
          topic: 'a',
          partition: 0,
          committedOffset: 10 * i,
          logEndOffset: 10 * i,
        },
        { topic: 'a', partition: 1, committedOffset: 3, logEndOffset: 9 + i },
      ],
    }));
    const r = evaluateGroupLag(samples, { hasActiveMembers: true });
    expect(r.partitions.map(p => p.status)).toEqual(['OK', 'STALLED']);
    expect(r.status).toBe('STALLED');
    expect(r.windowMs).toBe(120_000);
    expect(r.samples).toBe(3);
  });

  it('estimates lag in time from when the log end passed the committed offset', () => {
    // log end grows 10 per minute; committed offset 25 was at the log end 1.5 min after the first sample
    const r = evaluateGroupLag(
      series([
        [0, 10],
        [10, 20],
        [25, 30],
        [25, 40],
      ]),
      { hasActiveMembers: true },
    );
    expect(r.partitions[0].timeLagMs).toBe(3 * 60_000 - 90_000);
    expect(r.partitions[0].timeLagIsLowerBound).toBeUndefined();
    // committed offset older than the window: the estimate is a lower bound
    const old = evaluateGroupLag(
      series([
        [1, 100],
        [1, 110],
      ]),
      { hasActiveMembers: false },
    );
    expect(old.partitions[0].timeLagMs).toBe(60_000);
    expect(old.partitions[0].timeLagIsLowerBound).toBe(true);
    expect(old.maxTimeLagMs).toBe(60_000);
  });

  it('handles no samples and partitions without commits', () => {
    expect(evaluateGroupLag([], { hasActiveMembers: true }).reason).toBe(
      'no samples yet',
    );
    const r = evaluateGroupLag(
      series([
        [undefined, 10],
        [undefined, 12],
      ]),
      { hasActiveMembers: true },
    );
    expect(r.status).toBe('OK');
    expect(r.partitions[0].reason).toBe(
      'no committed offset for this partition',
    );
  });
});
