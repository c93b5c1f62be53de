import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { MapModel } from './mapModel';
import { getElkPool } from './createElk';
import { hashJob, LayoutCache, PlacedJob } from './layoutCache';

/** Where a node goes; relative to its system box when it sits in one. */
export interface NodePlacement {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const ENTITY_SIZE = { width: 190, height: 46 };
export const SYSTEM_SIZE = { width: 220, height: 64 };

/**
 * Up to this many system boxes are arranged by ELK's layered algorithm
 * along their system -> system edges (related systems side by side, data
 * flowing left to right); above it they are packed in name order by ELK's
 * rectpacking into a near-screen-shaped rectangle: layered on a hundred
 * boxes took a second and drew a strip 100,000 px wide.
 */
export const LAYERED_BOXES_MAX = 20;

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.spacing.nodeNode': '24',
  'elk.spacing.componentComponent': '48',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // React Flow draws its own edges: ELK's routes are never read, and its
  // orthogonal router is the dearest of the three.
  'elk.edgeRouting': 'POLYLINE',
};

const GROUP = {
  ...LAYERED,
  // Room for the system's title above its members.
  'elk.padding': '[top=40,left=16,bottom=16,right=16]',
};

/**
 * For the boxes of a big map (more than LAYERED_BOXES_MAX): one sweep of
 * crossing minimisation free to reorder nodes, instead of seven sweeps
 * keeping the catalog's order; about a third less CPU per system, for a
 * picture seen mostly zoomed out.
 */
const QUICK_GROUP = {
  ...GROUP,
  'elk.layered.thoroughness': '1',
  'elk.layered.considerModelOrder.strategy': 'NONE',
  // Layers by longest path instead of network simplex, and nodes placed
  // by ELK's simple placer instead of Brandes-Koepf: a hundred 50-node
  // systems took 2.2 s of CPU in Node (warm) with the defaults, 0.9 s
  // with these, for boxes of the same width.
  'elk.layered.layering.strategy': 'LONGEST_PATH',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
};

const PACKED = {
  'elk.algorithm': 'rectpacking',
  'elk.spacing.nodeNode': '48',
  // About the map's shape on a laptop screen, so "fit view" is not a sliver.
  'elk.aspectRatio': '1.8',
};

/**
 * The ELK jobs for a map model. Each system box is its own small layered
 * job (its members and the edges between them), so a company of a hundred
 * systems is a hundred jobs of fifty nodes, laid out in parallel workers
 * and each cached, instead of one layout of five thousand. `root` then
 * places the boxes (sized by their jobs' answers) and any node outside a
 * box (the company view's system nodes), with one edge per connected pair
 * of boxes.
 */
export function toElkJobs(model: MapModel): {
  groups: ElkNode[];
  root: ElkNode;
} {
  const parentOf = new Map<string, string | undefined>();
  for (const n of model.nodes) parentOf.set(n.id, n.parent);
  const groups = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root', children: [], edges: [] };
  for (const n of model.nodes) {
    if (n.type === 'group') {
      groups.set(n.id, {
        id: n.id,
        layoutOptions: GROUP,
        children: [],
        edges: [],
      });
      // Its place in the root job; sized once its own job has answered.
      root.children!.push({ id: n.id });
    }
  }
  for (const n of model.nodes) {
    if (n.type === 'group') continue;
    const size = n.type === 'system' ? SYSTEM_SIZE : ENTITY_SIZE;
    const node: ElkNode = { id: n.id, ...size };
    const parent = n.parent ? groups.get(n.parent) : undefined;
    (parent ?? root).children!.push(node);
  }
  const between = new Set<string>();
  for (const e of model.edges) {
    const a = parentOf.get(e.from);
    const b = parentOf.get(e.to);
    if (a === b) {
      const edge: ElkExtendedEdge = {
        id: e.id,
        sources: [e.from],
        targets: [e.to],
      };
      (a ? groups.get(a) : root)?.edges!.push(edge);
      continue;
    }
    const from = a ?? e.from;
    const to = b ?? e.to;
    const key = `${from}>${to}`;
    if (from !== to && !between.has(key)) {
      between.add(key);
      root.edges!.push({
        id: `__between:${key}`,
        sources: [from],
        targets: [to],
      });
    }
  }
  const packed = groups.size > LAYERED_BOXES_MAX;
  root.layoutOptions = packed ? PACKED : LAYERED;
  if (packed) for (const g of groups.values()) g.layoutOptions = QUICK_GROUP;
  // Rectpacking reads no edges; leave them out of its input.
  if (packed) root.edges = root.edges!.filter(e => !e.id.startsWith('__'));
  return { groups: [...groups.values()], root };
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

async function run(elk: ELK, job: ElkNode): Promise<PlacedJob> {
  const key = hashJob(JSON.stringify(job));
  const known = cache.get(key);
  // A hash collision would show as a child the answer does not place.
  if (known && known.children.length === (job.children?.length ?? 0)) {
    const ids = new Set(known.children.map(c => c[0]));
    if (job.children!.every(c => ids.has(c.id))) return known;
  }
  const answer = await elk.layout(job);
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

/** Runs jobs across the pool, biggest first, each to the least loaded ELK. */
function runAll(pool: ELK[], jobs: ElkNode[]): Promise<PlacedJob[]> {
  const load = pool.map(() => 0);
  const order = jobs
    .map((job, i) => ({ job, i, size: job.children!.length }))
    .sort((a, b) => b.size - a.size);
  const out: Promise<PlacedJob>[] = new Array(jobs.length);
  for (const { job, i, size } of order) {
    const w = load.indexOf(Math.min(...load));
    load[w] += size + 1;
    out[i] = run(pool[w], job);
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
        layoutOptions: GROUP,
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
  const pool = await getElkPool();
  const { groups, root } = toElkJobs(model);
  const laidOutGroups = await runAll(pool, groups);
  const sizes = new Map(groups.map((g, i) => [g.id, laidOutGroups[i]]));
  for (const child of root.children!) {
    const g = sizes.get(child.id);
    if (g) {
      child.width = g.width;
      child.height = g.height;
    }
  }
  const laidOutRoot = await run(pool[0], root);
  saveSoon();
  const placements = new Map<string, NodePlacement>();
  const place = ([id, x, y, width, height]: PlacedJob['children'][number]) =>
    placements.set(id, { x, y, width, height });
  laidOutRoot.children.forEach(place);
  for (const g of laidOutGroups) g.children.forEach(place);
  return placements;
}
