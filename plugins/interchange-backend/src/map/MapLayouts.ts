import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  buildIntegrationGraph,
  companyMapModels,
  hashJob,
  MapLayout,
  MapLayoutJob,
  MAP_KINDS,
  PlacedJob,
  sizeRootJob,
  toElkJobs,
  toMapLayoutPlacement,
} from '@interchange/plugin-interchange-common';
import { ElkLayoutWorker } from './ElkLayoutWorker';

const MAP_KIND_SET = new Set(MAP_KINDS.map(k => k.toLocaleLowerCase('en-US')));

const jobHash = (job: MapLayoutJob) => hashJob(JSON.stringify(job));

/**
 * The company map laid out ahead of time, so no browser pays for ELK on the
 * map as it is first drawn (docs/map-and-strategy.md). From the catalog's
 * entities (every `update`, i.e. every time the integration graph is read
 * again) it builds the graph of the kinds the page reads, the page's first
 * model and its company view, and their ELK jobs, exactly as the browser
 * does (shared -common code); jobs whose hash it has not placed yet are
 * laid out in a worker thread. Answers are kept by job hash, for this
 * backend instance, in memory.
 */
export class MapLayouts {
  readonly #logger: LoggerService;
  readonly #newWorker: () => ElkLayoutWorker;
  #placed = new Map<string, { job: MapLayoutJob; placed: PlacedJob }>();
  #items: MapLayout[] = [];
  #computedAt?: Date;
  #jobsKey?: string;
  #running?: Promise<void>;
  #next?: Entity[];

  constructor(options: {
    logger: LoggerService;
    newWorker?: () => ElkLayoutWorker;
  }) {
    this.#logger = options.logger;
    this.#newWorker = options.newWorker ?? (() => new ElkLayoutWorker());
  }

  /** The placed jobs; empty until the first layout is done. */
  list(): { computedAt?: Date; items: MapLayout[] } {
    return {
      ...(this.#computedAt ? { computedAt: this.#computedAt } : {}),
      items: this.#items,
    };
  }

  /**
   * Lays out the map of these entities in the background, unless its jobs
   * are the ones already placed. Calls while one runs keep only the latest
   * entities, laid out after it.
   */
  update(entities: Entity[]): void {
    this.#next = entities;
    this.#running ??= this.#drain().finally(() => {
      this.#running = undefined;
    });
  }

  /** Resolves once the updates so far are laid out (for tests and the bench). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain() {
    // Not in the caller's turn: the graph's reader returns its graph first.
    await yieldToEventLoop();
    while (this.#next) {
      const entities = this.#next;
      this.#next = undefined;
      try {
        await this.#compute(entities);
      } catch (error) {
        this.#logger.warn(
          `Could not lay the integration map out ahead of time; browsers lay it out themselves: ${error}`,
        );
      }
    }
  }

  async #compute(entities: Entity[]) {
    const started = Date.now();
    // Time on this thread (the event loop's), for the log.
    let onThread = 0;
    let mark = performance.now();
    const lap = () => {
      const now = performance.now();
      onThread += now - mark;
      mark = now;
    };
    const graph = buildIntegrationGraph(
      entities.filter(e => MAP_KIND_SET.has(e.kind.toLocaleLowerCase('en-US'))),
    );
    lap();
    await yieldToEventLoop();
    mark = performance.now();
    const jobs = companyMapModels(graph).map(toElkJobs);
    lap();
    await yieldToEventLoop();
    mark = performance.now();
    // The root jobs' hashes depend on the boxes' sizes; the unsized jobs
    // say whether anything changed.
    const key = jobs
      .flatMap(({ groups, root }) => [...groups, root])
      .map(jobHash)
      .join();
    lap();
    if (key === this.#jobsKey) return;

    const worker = this.#newWorker();
    const placed = new Map<string, { job: MapLayoutJob; placed: PlacedJob }>();
    let laidOut = 0;
    const place = async (job: MapLayoutJob) => {
      mark = performance.now();
      const hash = jobHash(job);
      lap();
      let known = placed.get(hash) ?? this.#placed.get(hash);
      if (!known) {
        known = { job, placed: await worker.layout(job) };
        laidOut++;
      }
      placed.set(hash, known);
      return known.placed;
    };
    try {
      for (const { groups, root } of jobs) {
        const answers: PlacedJob[] = [];
        for (const g of groups) answers.push(await place(g));
        sizeRootJob(root, groups, answers);
        await place(root);
      }
    } finally {
      await worker.close();
    }
    mark = performance.now();
    this.#placed = placed;
    this.#items = [...placed].map(([hash, { job, placed: p }]) => ({
      hash,
      job: toMapLayoutPlacement(job, p),
    }));
    this.#jobsKey = key;
    this.#computedAt = new Date();
    lap();
    this.#logger.info(
      `Laid the integration map out ahead of time: ${
        placed.size
      } jobs (${laidOut} new) for ${graph.nodes.size} graph nodes in ${
        Date.now() - started
      } ms, ${Math.round(
        onThread,
      )} ms of it on the event loop in steps, the rest in a worker thread`,
    );
  }
}
