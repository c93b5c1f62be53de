import { GroupCommit } from './GroupCommit';

describe('GroupCommit', () => {
  it('writes a lone item at once and batches what arrives during a write', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit<number, number>(async items => {
      batches.push(items);
      await new Promise(r => setTimeout(r, 10));
      return items.map(i => i * 2);
    });
    const first = commit.submit(1);
    const rest = [2, 3, 4].map(i => commit.submit(i));
    expect(await first).toBe(2);
    expect(await Promise.all(rest)).toEqual([4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('with collectTurn, writes what one event loop turn submitted together, and at the end of that turn', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit<number, number>(
      async items => {
        batches.push(items);
        return items;
      },
      { collectTurn: true },
    );
    const firstTurn = [1, 2, 3].map(i => commit.submit(i));
    expect(batches).toEqual([]);
    await new Promise(r => setImmediate(r));
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await Promise.all(firstTurn)).toEqual([1, 2, 3]);
    // A later turn is a batch of its own, written without waiting for more.
    expect(await commit.submit(4)).toBe(4);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('settles a caller only after the write that carried its item', async () => {
    let finish!: () => void;
    const commit = new GroupCommit<string, string>(
      items =>
        new Promise(resolve => {
          finish = () => resolve(items);
        }),
    );
    let settled = false;
    const pending = commit.submit('a').then(() => {
      settled = true;
    });
    await new Promise(r => setImmediate(r));
    expect(settled).toBe(false);
    finish();
    await pending;
    expect(settled).toBe(true);
  });

  it('rejects every item of a failed write and goes on with the next', async () => {
    let calls = 0;
    const commit = new GroupCommit<number, number>(async items => {
      calls += 1;
      await new Promise(r => setTimeout(r, 5));
      if (calls === 1) {
        throw new Error('connection refused');
      }
      return items;
    });
    const failed = commit.submit(1);
    const later = commit.submit(2);
    await expect(failed).rejects.toThrow('connection refused');
    await expect(later).resolves.toBe(2);
  });

  it('keeps batches within maxBatch and writes at most maxInFlight at once', async () => {
    let inFlight = 0;
    let most = 0;
    const sizes: number[] = [];
    const commit = new GroupCommit<number, number>(
      async items => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        sizes.push(items.length);
        await new Promise(r => setTimeout(r, 5));
        inFlight -= 1;
        return items;
      },
      { maxBatch: 3, maxInFlight: 2 },
    );
    const all = await Promise.all(
      Array.from({ length: 10 }, (_, i) => commit.submit(i)),
    );
    expect(all).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(most).toBe(2);
  });

  it('refuses a write that returns the wrong number of results', async () => {
    const commit = new GroupCommit<number, number>(async () => []);
    await expect(commit.submit(1)).rejects.toThrow(
      'returned 0 results for 1 items',
    );
  });
});
