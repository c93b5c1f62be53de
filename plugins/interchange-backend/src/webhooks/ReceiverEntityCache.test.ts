import { ReceiverEntityCache } from './ReceiverEntityCache';

describe('ReceiverEntityCache', () => {
  function setup(options: { maxEntries?: number } = {}) {
    let now = 0;
    const loads: string[] = [];
    let fail = false;
    const cache = new ReceiverEntityCache<string>({
      load: async ref => {
        loads.push(ref);
        if (fail) {
          throw new Error('catalog unreachable');
        }
        return ref.endsWith('missing') ? undefined : `entity ${ref}`;
      },
      ttlMs: 1000,
      now: () => now,
      ...options,
    });
    return {
      cache,
      loads,
      advance: (ms: number) => {
        now += ms;
      },
      setFail: (f: boolean) => {
        fail = f;
      },
    };
  }

  it('asks the catalog once per webhook per ttl, concurrent misses included', async () => {
    const { cache, loads, advance } = setup();
    expect(
      await Promise.all([cache.get('a'), cache.get('a'), cache.get('a')]),
    ).toEqual(['entity a', 'entity a', 'entity a']);
    advance(999);
    await cache.get('a');
    expect(loads).toEqual(['a']);
    advance(1);
    await cache.get('a');
    expect(loads).toEqual(['a', 'a']);
  });

  it('keeps misses too, within the same ttl', async () => {
    const { cache, loads } = setup();
    expect(await cache.get('missing')).toBeUndefined();
    expect(await cache.get('missing')).toBeUndefined();
    expect(loads).toEqual(['missing']);
  });

  it('does not keep a failed lookup', async () => {
    const { cache, loads, setFail } = setup();
    setFail(true);
    await expect(cache.get('a')).rejects.toThrow('catalog unreachable');
    setFail(false);
    expect(await cache.get('a')).toBe('entity a');
    expect(loads).toEqual(['a', 'a']);
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const { cache, loads } = setup({ maxEntries: 2 });
    await cache.get('a');
    await cache.get('b');
    await cache.get('c');
    await cache.get('b');
    await cache.get('a');
    expect(loads).toEqual(['a', 'b', 'c', 'a']);
  });
});
