import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { MapModel } from './mapModel';
import { getElk } from './createElk';

/** Where a node goes; relative to its system box when it sits in one. */
export interface NodePlacement {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const ENTITY_SIZE = { width: 190, height: 46 };
export const SYSTEM_SIZE = { width: 220, height: 64 };

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.spacing.nodeNode': '24',
  'elk.spacing.componentComponent': '48',
  // Each system box is laid out on its own (ELK's default), then the boxes
  // are arranged by the system -> system edges below: the cost grows with
  // the boxes' sizes, not with the whole company at once.
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

const GROUP = {
  ...LAYERED,
  // Room for the system's title above its members.
  'elk.padding': '[top=40,left=16,bottom=16,right=16]',
};

/**
 * The ELK graph for a map model: system boxes as compound nodes holding
 * their members and the edges between them; between boxes, one edge per
 * connected pair of boxes so ELK places related systems side by side.
 */
export function toElkGraph(model: MapModel): ElkNode {
  const parentOf = new Map<string, string | undefined>();
  for (const n of model.nodes) parentOf.set(n.id, n.parent);
  const groups = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: '__root',
    layoutOptions: LAYERED,
    children: [],
    edges: [],
  };
  for (const n of model.nodes) {
    if (n.type === 'group') {
      const g: ElkNode = {
        id: n.id,
        layoutOptions: GROUP,
        children: [],
        edges: [],
      };
      groups.set(n.id, g);
      root.children!.push(g);
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
  return root;
}

/** Lays the model out with ELK (in a worker when there is one). */
export async function layoutMap(
  model: MapModel,
): Promise<Map<string, NodePlacement>> {
  const elk = await getElk();
  const laidOut = await elk.layout(toElkGraph(model));
  const placements = new Map<string, NodePlacement>();
  const visit = (nodes: ElkNode[] | undefined) => {
    for (const n of nodes ?? []) {
      placements.set(n.id, {
        x: n.x ?? 0,
        y: n.y ?? 0,
        width: n.width ?? ENTITY_SIZE.width,
        height: n.height ?? ENTITY_SIZE.height,
      });
      visit(n.children);
    }
  };
  visit(laidOut.children);
  return placements;
}
