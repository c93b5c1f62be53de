import { computeGroupLag } from './lag';

describe('computeGroupLag', () => {
  const logEnd = new Map([
    ['orders/0', 5],
    ['orders/1', 3],
    ['orders/2', 0],
    ['payments/0', 10],
  ]);

  it('subtracts committed offsets from log-end offsets per partition', () => {
    const lag = computeGroupLag(
      'g',
      [
        { topic: 'orders', partition: 0, offset: 2 },
        { topic: 'orders', partition: 1, offset: 3 },
        { topic: 'payments', partition: 0, offset: 4 },
      ],
      logEnd,
    );
    expect(lag.partitions).toEqual([
      {
        topic: 'orders',
        partition: 0,
        committedOffset: 2,
        logEndOffset: 5,
        lag: 3,
      },
      {
        topic: 'orders',
        partition: 1,
        committedOffset: 3,
        logEndOffset: 3,
        lag: 0,
      },
      {
        topic: 'payments',
        partition: 0,
        committedOffset: 4,
        logEndOffset: 10,
        lag: 6,
      },
    ]);
    expect(lag.totalLag).toBe(9);
    expect(lag.maxLag).toBe(6);
    expect(lag.topics).toEqual(['orders', 'payments']);
  });

  it('filters topics and lists assigned partitions without commits without a lag', () => {
    const lag = computeGroupLag(
      'g',
      [
        { topic: 'orders', partition: 0, offset: 1 },
        { topic: 'payments', partition: 0, offset: 1 },
      ],
      logEnd,
      {
        topics: ['orders'],
        partitionsByTopic: new Map([['orders', [0, 1, 2]]]),
      },
    );
    expect(lag.partitions).toEqual([
      {
        topic: 'orders',
        partition: 0,
        committedOffset: 1,
        logEndOffset: 5,
        lag: 4,
      },
      { topic: 'orders', partition: 1, logEndOffset: 3 },
      { topic: 'orders', partition: 2, logEndOffset: 0 },
    ]);
    expect(lag.totalLag).toBe(4);
  });

  it('never reports negative lag and skips partitions of deleted topics', () => {
    const lag = computeGroupLag(
      'g',
      [
        { topic: 'orders', partition: 2, offset: 7 },
        { topic: 'gone', partition: 0, offset: 1 },
      ],
      logEnd,
    );
    expect(lag.partitions).toEqual([
      {
        topic: 'orders',
        partition: 2,
        committedOffset: 7,
        logEndOffset: 0,
        lag: 0,
      },
    ]);
  });

  it('handles a group with no commits', () => {
    expect(computeGroupLag('g', [], logEnd)).toEqual({
      groupId: 'g',
      partitions: [],
      totalLag: 0,
      maxLag: 0,
      topics: [],
    });
  });
});
