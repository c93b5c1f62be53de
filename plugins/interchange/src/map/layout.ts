import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import {
  ENTITY_SIZE,
  fromMapLayoutPlacement,
  GROUP_LAYOUT,
  hashJob,
  MapLayoutJob,
  MapLayoutPlacement,
  MapModel,
  PlacedJob,
  sizeRootJob,
  toElkJobs,
} from '@interchange/plugin-interchange-common';
import { elkPoolSize, getElkPool } from './createElk';
import { LayoutCache } from './layoutCache';

/** Where a node goes; relative to its system box when it sits in one. */
export interface NodePlacement {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Answers of earlier jobs, by a hash of the job's JSON, in memory and in
 * localStorage: a system that did not change is not laid out again when
 * the map is filtered, focused, drawn whole again, or opened tomorrow.
 */
const cache = new LayoutCache();

let savePending = false;

/**
 * Writes the cache to localStorage once the page is idle (after the map is
 * drawn, off the way to the first render), or when the page is left
 * before that: a reload half a second after the map was drawn lost every
 * answer when this waited a fixed two seconds.
 */
function saveSoon() {
  if (savePending) return;
  savePending = true;
  const save = () => {
    if (!savePending) return;
    savePending = false;
    cache.save();
  };
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(save, { timeout: 2000 });
  } else {
    setTimeout(save, 2000);
  }
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', save, { once: true });
  }
}

/**
 * Placements the backend computed ahead of time for the whole catalog's
 * map (`GET /map/layouts`), by job hash: a job the browser built the same
 * (the same entities, sizes and edges) is placed from here without ELK.
 */
const served = new Map<string, MapLayoutPlacement>();

/**
 * Takes the backend's latest placements (replacing earlier ones; answers
 * already used stay in the cache); jobs not among them are laid out here.
 */
export function seedLayouts(
  items: ReadonlyArray<{ hash: string; job: MapLayoutPlacement }>,
): void {
  served.clear();
  for (const item of items) served.set(item.hash, item.job);
}

/** An answer without ELK: from the cache, else from the backend's placements. */
function known(key: string, job: MapLayoutJob): PlacedJob | undefined {
  const cached = cache.get(key);
  // A hash collision would show as a child the answer does not place.
  if (cached && cached.children.length === (job.children?.length ?? 0)) {
    const ids = new Set(cached.children.map(c => c[0]));
    if (job.children!.every(c => ids.has(c.id))) return cached;
  }
  const seeded = served.get(key);
  const placed = seeded && fromMapLayoutPlacement(job, seeded);
  if (placed) cache.set(key, placed);
  return placed;
}

async function run(
  elk: () => Promise<ELK>,
  job: MapLayoutJob,
): Promise<PlacedJob> {
  const key = hashJob(JSON.stringify(job));
  const found = known(key, job);
  if (found) return found;
  const answer = await (await elk()).layout(job as ElkNode);
  const placed: PlacedJob = {
    width: answer.width ?? 0,
    height: answer.height ?? 0,
    children: (answer.children ?? []).map(c => [
      c.id,
      c.x ?? 0,
      c.y ?? 0,
      c.width ?? ENTITY_SIZE.width,
      c.height ?? ENTITY_SIZE.height,
    ]),
  };
  cache.set(key, placed);
  return placed;
}

/**
 * Runs jobs across the pool, biggest first, each to the least loaded ELK;
 * the pool is only waited for by jobs that are not known already.
 */
function runAll(
  elkAt: (worker: number) => Promise<ELK>,
  workers: number,
  jobs: MapLayoutJob[],
): Promise<PlacedJob[]> {
  const load = Array.from({ length: workers }, () => 0);
  const order = jobs
    .map((job, i) => ({ job, i, size: job.children!.length }))
    .sort((a, b) => b.size - a.size);
  const out: Promise<PlacedJob>[] = new Array(jobs.length);
  for (const { job, i, size } of order) {
    const w = load.indexOf(Math.min(...load));
    load[w] += size + 1;
    out[i] = run(() => elkAt(w), job);
  }
  return Promise.all(out);
}

/**
 * Starts the ELK workers and has each lay out a small graph, so loading
 * and compiling ELK's script overlaps the catalog query instead of
 * following it. Errors surface on the real layout.
 */
export function prepareLayout(): void {
  getElkPool().then(
    pool => {
      const warmUp: ElkNode = {
        id: '__warm-up',
        layoutOptions: GROUP_LAYOUT,
        children: Array.from({ length: 12 }, (_, i) => ({
          id: `n${i}`,
          ...ENTITY_SIZE,
        })),
        edges: Array.from({ length: 11 }, (_, i) => ({
          id: `e${i}`,
          sources: [`n${i >> 1}`],
          targets: [`n${i + 1}`],
        })),
      };
      for (const elk of pool) elk.layout(warmUp).catch(() => undefined);
    },
    () => undefined,
  );
}

/** Lays the model out with ELK (in workers when there are some). */
export async function layoutMap(
  model: MapModel,
): Promise<Map<string, NodePlacement>> {
  // Started only when a job is not known (cached, or served by the backend).
  let pool: Promise<ELK[]> | undefined;
  const elkAt = async (worker: number) => {
    const elks = await (pool ??= getElkPool());
    return elks[worker % elks.length];
  };
  const { groups, root } = toElkJobs(model);
  const laidOutGroups = await runAll(elkAt, elkPoolSize(), groups);
  sizeRootJob(root, groups, laidOutGroups);
  const laidOutRoot = await run(() => elkAt(0), root);
  saveSoon();
  const placements = new Map<string, NodePlacement>();
  const place = ([id, x, y, width, height]: PlacedJob['children'][number]) =>
    placements.set(id, { x, y, width, height });
  laidOutRoot.children.forEach(place);
  for (const g of laidOutGroups) g.children.forEach(place);
  return placements;
}
