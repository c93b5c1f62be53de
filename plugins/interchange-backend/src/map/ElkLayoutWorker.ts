import { Worker } from 'node:worker_threads';
import type {
  MapLayoutJob,
  PlacedJob,
} from '@interchange/plugin-interchange-common';

/*
 * The worker's script: elkjs's bundled build (ELK compiled to JavaScript,
 * with no Web Worker in a Node thread it runs in that thread), answering one
 * job per message with positions and sizes only. Plain JavaScript given as
 * source, so it runs the same from this package's TypeScript (tests, `yarn
 * start`) and from its built dist/.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ELK = require(workerData.elkPath);
const elk = new ELK();
parentPort.on('message', ({ id, job }) => {
  elk.layout(job).then(
    answer => parentPort.postMessage({
      id,
      placed: {
        width: answer.width || 0,
        height: answer.height || 0,
        children: (answer.children || []).map(c => [
          c.id, c.x || 0, c.y || 0, c.width || 0, c.height || 0,
        ]),
      },
    }),
    error => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});
`;

type Reply = { id: number; placed?: PlacedJob; error?: string };

/**
 * ELK in a worker thread: laying out a 5,000-entity company map costs
 * seconds of CPU (most of it compiling and warming ELK's code in a fresh
 * thread), which must never block the backend's event loop. One thread,
 * started on the first job; `close` ends it.
 */
export class ElkLayoutWorker {
  #worker?: Worker;
  #nextId = 0;
  readonly #pending = new Map<
    number,
    { resolve: (p: PlacedJob) => void; reject: (e: Error) => void }
  >();

  layout(job: MapLayoutJob): Promise<PlacedJob> {
    const worker = this.#start();
    const id = this.#nextId++;
    return new Promise<PlacedJob>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  /** Ends the thread; jobs still pending fail. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
    this.#failAll(new Error('The ELK layout worker was closed'));
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { elkPath: require.resolve('elkjs/lib/elk.bundled.js') },
    });
    // A layout in progress must not keep a stopping backend alive.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#pending.delete(reply.id);
      if (reply.placed) waiting.resolve(reply.placed);
      else waiting.reject(new Error(`ELK failed: ${reply.error}`));
    });
    worker.on('error', error =>
      this.#failAll(error instanceof Error ? error : new Error(String(error))),
    );
    worker.on('exit', code => {
      // After close() (which fails what is pending itself), nothing to do.
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#failAll(new Error(`The ELK layout worker stopped (code ${code})`));
    });
    this.#worker = worker;
    return worker;
  }

  #failAll(error: Error) {
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
}
