import type { PlacedJob } from '@interchange/plugin-interchange-common';
import { LAYOUT_CACHE_KEY, LAYOUT_CACHE_MAX, LayoutCache } from './layoutCache';

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: k => data.get(k) ?? null,
    key: i => [...data.keys()][i] ?? null,
    removeItem: k => {
      data.delete(k);
    },
    setItem: (k, v) => {
      data.set(k, v);
    },
  };
}

const job = (n: number): PlacedJob => ({
  width: 100 + n,
  height: 50,
  children: [[`component:default/c${n}`, 16, 40, 190, 46]],
});

describe('LayoutCache', () => {
  it('keeps answers across page loads through storage', () => {
    const storage = memoryStorage();
    const first = new LayoutCache(storage);
    first.set('k1', job(1));
    expect(storage.data.has(LAYOUT_CACHE_KEY)).toBe(false);
    first.save();
    const next = new LayoutCache(storage);
    expect(next.get('k1')).toEqual(job(1));
    expect(next.get('k2')).toBeUndefined();
  });

  it('forgets the least recently used answers above its bound', () => {
    const storage = memoryStorage();
    const cache = new LayoutCache(storage);
    for (let i = 0; i < LAYOUT_CACHE_MAX; i++) cache.set(`k${i}`, job(i));
    cache.get('k0'); // used again: kept
    cache.set('new', job(-1));
    cache.save();
    const next = new LayoutCache(storage);
    expect(next.get('k0')).toBeDefined();
    expect(next.get('k1')).toBeUndefined();
    expect(next.get('new')).toBeDefined();
  });

  it('starts empty from unreadable storage, and a full storage only loses the write', () => {
    const storage = memoryStorage();
    storage.setItem(LAYOUT_CACHE_KEY, '{not json');
    expect(new LayoutCache(storage).get('k1')).toBeUndefined();
    storage.setItem(LAYOUT_CACHE_KEY, JSON.stringify([['k1', { width: 1 }]]));
    expect(new LayoutCache(storage).get('k1')).toBeUndefined();
    const full = memoryStorage();
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const cache = new LayoutCache(full);
    cache.set('k1', job(1));
    expect(() => cache.save()).not.toThrow();
    expect(cache.get('k1')).toEqual(job(1));
    expect(new LayoutCache(undefined).get('k1')).toBeUndefined();
  });
});
