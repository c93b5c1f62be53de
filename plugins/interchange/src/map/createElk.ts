import type { ELK } from 'elkjs/lib/elk-api';

let pool: Promise<ELK[]> | undefined;

/**
 * The page's ELKs: in Web Workers when the browser has them, so laying out
 * thousands of nodes never blocks scrolling or typing, one per core up to
 * four (a company map is many independent system layouts, so they run in
 * parallel); one in the page's thread otherwise (jsdom in tests has no
 * Worker). Same algorithm and answers either way.
 */
export function getElkPool(): Promise<ELK[]> {
  if (!pool) {
    pool = createPool().catch(error => {
      pool = undefined;
      throw error;
    });
  }
  return pool;
}

/** Whether layouts run off the main thread (shown on the map, for honesty). */
export function elkRunsInWorker(): boolean {
  return typeof Worker !== 'undefined';
}

/** How many workers lay the map out. */
export function elkPoolSize(): number {
  if (!elkRunsInWorker()) return 1;
  const cores =
    typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
  return Math.max(1, Math.min(4, cores || 2));
}

async function createPool(): Promise<ELK[]> {
  if (elkRunsInWorker()) {
    const { default: ElkApi } = await import('elkjs/lib/elk-api.js');
    // elkjs's worker script, by package path: the app's bundler (webpack or
    // rspack) emits it as its own chunk both when it compiles this source and
    // when it compiles the published dist/, which holds no copy of a worker
    // file next to this one (a relative './elkWorker.ts' broke adopters' builds).
    return Array.from(
      { length: elkPoolSize() },
      () =>
        new ElkApi({
          workerFactory: () =>
            new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url)),
        }),
    );
  }
  const { default: ElkBundled } = await import('elkjs/lib/elk.bundled.js');
  return [new ElkBundled()];
}
