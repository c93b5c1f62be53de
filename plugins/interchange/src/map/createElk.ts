import type { ELK } from 'elkjs/lib/elk-api';

let elk: Promise<ELK> | undefined;

/**
 * One ELK for the page: in a Web Worker when the browser has them, so
 * laying out thousands of nodes never blocks scrolling or typing; in the
 * page's thread otherwise (jsdom in tests has no Worker). Same algorithm
 * and answers either way.
 */
export function getElk(): Promise<ELK> {
  if (!elk) {
    elk = createElk().catch(error => {
      elk = undefined;
      throw error;
    });
  }
  return elk;
}

/** Whether layouts run off the main thread (shown on the map, for honesty). */
export function elkRunsInWorker(): boolean {
  return typeof Worker !== 'undefined';
}

async function createElk(): Promise<ELK> {
  if (elkRunsInWorker()) {
    const { default: ElkApi } = await import('elkjs/lib/elk-api.js');
    // elkjs's worker script, by package path: the app's bundler (webpack or
    // rspack) emits it as its own chunk both when it compiles this source and
    // when it compiles the published dist/, which holds no copy of a worker
    // file next to this one (a relative './elkWorker.ts' broke adopters' builds).
    return new ElkApi({
      workerFactory: () =>
        new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url)),
    });
  }
  const { default: ElkBundled } = await import('elkjs/lib/elk.bundled.js');
  return new ElkBundled();
}
