import {
  DEFAULT_ERROR_TIME_LAG_MS,
  evaluateGroupLag,
  LagSample,
} from './lagStatus';

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

  it('turns a group that keeps falling behind from WARNING to ERROR once its time lag reaches the threshold', () => {
    // Produced 10 per minute, consumed 5 per minute: time lag grows by half a
    // minute per minute. The backend evaluates the latest 10 samples.
    const all = Array.from({ length: 20 }, (_, i) => ({
      timestamp: i * 60_000,
      partitions: [
        {
          topic: 'orders',
          partition: 0,
          committedOffset: 5 * i,
          logEndOffset: 10 * i + 10,
        },
      ],
    }));
    const at = (minute: number) =>
      evaluateGroupLag(all.slice(Math.max(0, minute - 9), minute + 1), {
        hasActiveMembers: true,
        errorTimeLagMs: 5 * 60_000,
      });
    expect(at(5).status).toBe('WARNING');
    expect(at(5).maxTimeLagMs).toBe(3.5 * 60_000);
    expect(at(9).status).toBe('ERROR');
    expect(at(9).reason).toBe(
      'orders[0]: committing, but lag grew at every sample and the time lag (5.5 min) reached the error threshold (5 min)',
    );
    // A lower-bound time lag over the threshold is over it too.
    expect(at(19).partitions[0].timeLagIsLowerBound).toBe(true);
    expect(at(19).status).toBe('ERROR');
    expect(at(19).reason).toMatch(/time lag \(9 min or more\)/);
  });

  it('keeps WARNING below the default threshold of 15 minutes', () => {
    const samples = series([
      [0, 10],
      [5, 20],
      [9, 40],
    ]);
    expect(DEFAULT_ERROR_TIME_LAG_MS).toBe(15 * 60_000);
    expect(evaluateGroupLag(samples, { hasActiveMembers: true }).status).toBe(
      'WARNING',
    );
    expect(
      evaluateGroupLag(samples, {
        hasActiveMembers: true,
        errorTimeLagMs: 2 * 60_000,
      }).status,
    ).toBe('ERROR');
  });

  it('leaves STOPPED and STALLED as they are, whatever the time lag', () => {
    const samples = series([
      [5, 10],
      [5, 10],
      [5, 10],
    ]);
    expect(
      evaluateGroupLag(samples, {
        hasActiveMembers: false,
        errorTimeLagMs: 60_000,
      }).status,
    ).toBe('STOPPED');
  });

  it('refuses a threshold that is not a positive number', () => {
    expect(() =>
      evaluateGroupLag(series([[5, 10]]), {
        hasActiveMembers: true,
        errorTimeLagMs: 0,
      }),
    ).toThrow(
      'errorTimeLagMs must be a positive number of milliseconds (got 0)',
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
