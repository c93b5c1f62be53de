import { RabbitMQQueueLive } from '@interchange/plugin-interchange-common';
import { QueueRatesCache, queueKey } from './QueueRatesCache';

const queue = (
  name: string,
  fields: Partial<RabbitMQQueueLive> = {},
): RabbitMQQueueLive => ({
  vhost: '/',
  name,
  type: 'classic',
  durable: true,
  autoDelete: false,
  arguments: {},
  messagesReady: 0,
  consumerUtilisation: null,
  ...fields,
});

describe('QueueRatesCache', () => {
  let now = 1_000_000;
  let reads = 0;
  let answer: RabbitMQQueueLive[] = [];
  const cache = new QueueRatesCache(
    async () => {
      reads += 1;
      return answer;
    },
    { maxAgeMs: 60_000, now: () => now },
  );

  it('keeps the rates of each queue with statistics, not of those still pending', async () => {
    answer = [
      queue('a', { publishRate: 2, deliverRate: 1, ackRate: 1 }),
      queue('new', { messagesReady: undefined }),
    ];
    const read = await cache.refresh('b1');
    expect(read.takenAt).toBe(now);
    expect(read.byQueue.get(queueKey('/', 'a'))).toEqual({
      consumerUtilisation: null,
      publishRate: 2,
      deliverRate: 1,
      ackRate: 1,
    });
    expect(read.byQueue.has(queueKey('/', 'new'))).toBe(false);
  });

  it('serves the last read up to maxAgeMs old, then reads again', async () => {
    reads = 0;
    now += 60_000;
    await cache.current('b1');
    expect(reads).toBe(0);
    now += 1;
    answer = [queue('a', { publishRate: 5 })];
    const read = await cache.current('b1');
    expect(reads).toBe(1);
    expect(read.byQueue.get(queueKey('/', 'a'))?.publishRate).toBe(5);
  });

  it('reads each broker apart, once for concurrent requests, and again after a failure', async () => {
    reads = 0;
    await Promise.all([cache.current('b2'), cache.current('b2')]);
    expect(reads).toBe(1);
    const failing = new QueueRatesCache(
      async () => {
        reads += 1;
        throw new Error('down');
      },
      { maxAgeMs: 60_000 },
    );
    await expect(failing.current('b1')).rejects.toThrow('down');
    await expect(failing.current('b1')).rejects.toThrow('down');
    expect(reads).toBe(3);
  });
});
