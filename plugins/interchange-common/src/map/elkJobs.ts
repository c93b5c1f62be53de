import { buildMapModel, MapModel, NO_FILTERS } from './mapModel';
import type { IntegrationGraph } from '../graph';
import type { PlacedJob } from './placedJob';

/**
 * An ELK layout job, as much of ELK's `ElkNode` as the map uses (so this
 * package needs no elkjs): a graph whose children ELK places.
 *
 * @public
 */
export interface MapLayoutJob {
  id: string;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: MapLayoutJob[];
  edges?: Array<{ id: string; sources: string[]; targets: string[] }>;
}

/** @public */
export const ENTITY_SIZE = { width: 190, height: 46 };
/** @public */
export const SYSTEM_SIZE = { width: 220, height: 64 };

/**
 * Up to this many system boxes are arranged by ELK's layered algorithm
 * along their system to system edges (related systems side by side, data
 * flowing left to right); above it they are packed in name order by ELK's
 * rectpacking into a near-screen-shaped rectangle: layered on a hundred
 * boxes took a second and drew a strip 100,000 px wide.
 *
 * @public
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

/**
 * A system box's own layout.
 *
 * @public
 */
export const GROUP_LAYOUT: Record<string, string> = {
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
  ...GROUP_LAYOUT,
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

/** By id, in code unit order (locale-independent: the same in every runtime). */
function byId(a: { id: string }, b: { id: string }): number {
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * The ELK jobs for a map model. Each system box is its own small layered
 * job (its members and the edges between them), so a company of a hundred
 * systems is a hundred jobs of fifty nodes, laid out in parallel workers
 * and each cached, instead of one layout of five thousand. `root` then
 * places the boxes (sized by their jobs' answers, see sizeRootJob) and any
 * node outside a box (the company view's system nodes), with one edge per
 * connected pair of boxes. Members and edges are in ref order, not the
 * catalog's answer order, so the browser and the backend (which read the
 * catalog differently) make the same jobs, with the same hashes.
 *
 * @public
 */
export function toElkJobs(model: MapModel): {
  groups: MapLayoutJob[];
  root: MapLayoutJob;
} {
  const parentOf = new Map<string, string | undefined>();
  for (const n of model.nodes) parentOf.set(n.id, n.parent);
  const groups = new Map<string, MapLayoutJob>();
  const root: MapLayoutJob = { id: '__root', children: [], edges: [] };
  for (const n of model.nodes) {
    if (n.type === 'group') {
      groups.set(n.id, {
        id: n.id,
        layoutOptions: GROUP_LAYOUT,
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
    const node: MapLayoutJob = { id: n.id, ...size };
    const parent = n.parent ? groups.get(n.parent) : undefined;
    (parent ?? root).children!.push(node);
  }
  const between = new Set<string>();
  for (const e of [...model.edges].sort(byId)) {
    const a = parentOf.get(e.from);
    const b = parentOf.get(e.to);
    if (a === b) {
      const edge = { id: e.id, sources: [e.from], targets: [e.to] };
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
  for (const g of groups.values()) g.children!.sort(byId);
  const packed = groups.size > LAYERED_BOXES_MAX;
  root.layoutOptions = packed ? PACKED : LAYERED;
  if (packed) for (const g of groups.values()) g.layoutOptions = QUICK_GROUP;
  // Rectpacking reads no edges; leave them out of its input.
  if (packed) root.edges = root.edges!.filter(e => !e.id.startsWith('__'));
  return { groups: [...groups.values()], root };
}

/**
 * Gives the root job's boxes the sizes their own jobs answered.
 *
 * @public
 */
export function sizeRootJob(
  root: MapLayoutJob,
  groups: readonly MapLayoutJob[],
  placed: readonly PlacedJob[],
): void {
  const sizes = new Map(groups.map((g, i) => [g.id, placed[i]]));
  for (const child of root.children ?? []) {
    const g = sizes.get(child.id);
    if (g) {
      child.width = g.width;
      child.height = g.height;
    }
  }
}

/**
 * The models of the map as the page first draws it for someone who sees
 * the whole catalog (no filters, no focus, integrations not collapsed:
 * every entity up to MAX_ENTITY_NODES, else the company view), and its
 * company view (one node per system). The backend lays these out ahead of
 * time.
 *
 * @public
 */
export function companyMapModels(graph: IntegrationGraph): MapModel[] {
  const base = {
    collapseIntegrations: false,
    filters: NO_FILTERS,
    findings: [],
  };
  const first = buildMapModel(graph, base);
  return first.systemsOnly
    ? [first]
    : [first, buildMapModel(graph, { ...base, systemsView: true })];
}
