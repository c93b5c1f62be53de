import type { PlacedJob } from '@interchange/plugin-interchange-common';

/**
 * ELK's answers for the map's layout jobs, kept in the browser's
 * localStorage between visits: laying out a 5,000-entity company costs
 * seconds of CPU, and on the next visit the same systems (same members,
 * sizes and edges: the job's JSON) get the same answer, so only the
 * systems that changed since are laid out again. Only positions and sizes
 * are kept (ELK's edge routes are never read). Bounded; a full or
 * unavailable storage only means layouts are computed again.
 */
export const LAYOUT_CACHE_KEY = 'interchange-map-layouts-v1';
/** Jobs remembered: a hundred-system company uses about a hundred. */
export const LAYOUT_CACHE_MAX = 1000;

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled by the browser's settings
  }
}

export class LayoutCache {
  private entries: Map<string, PlacedJob> | undefined;
  private dirty = false;

  constructor(private readonly storage = browserStorage()) {}

  get(key: string): PlacedJob | undefined {
    const entries = this.load();
    const found = entries.get(key);
    if (found) {
      // Most recently used last, so the bound drops the oldest.
      entries.delete(key);
      entries.set(key, found);
    }
    return found;
  }

  set(key: string, job: PlacedJob) {
    const entries = this.load();
    entries.delete(key);
    entries.set(key, job);
    while (entries.size > LAYOUT_CACHE_MAX) {
      entries.delete(entries.keys().next().value!);
    }
    this.dirty = true;
  }

  /** Writes what changed to storage; call once a layout is done. */
  save() {
    if (!this.dirty || !this.storage || !this.entries) return;
    this.dirty = false;
    try {
      this.storage.setItem(LAYOUT_CACHE_KEY, JSON.stringify([...this.entries]));
    } catch {
      // Over the origin's quota: keep the in-memory answers only.
    }
  }

  private load(): Map<string, PlacedJob> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    try {
      const text = this.storage?.getItem(LAYOUT_CACHE_KEY);
      const parsed: unknown = text ? JSON.parse(text) : [];
      if (Array.isArray(parsed)) {
        for (const entry of parsed) {
          if (
            Array.isArray(entry) &&
            typeof entry[0] === 'string' &&
            Array.isArray(entry[1]?.children)
          ) {
            this.entries.set(entry[0], entry[1]);
          }
        }
      }
    } catch {
      // Unreadable (another version, edited by hand): start empty.
    }
    return this.entries;
  }
}
