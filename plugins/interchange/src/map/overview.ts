import { getBezierPath, Position } from '@xyflow/react';
import type {
  CheckFinding,
  MapModel,
} from '@interchange/plugin-interchange-common';
import type { NodePlacement } from './layout';
import {
  SEVERITY_COLORS,
  STYLE_COLORS,
  worstSeverity,
} from '../components/IntegrationMapPage/mapStyles';

/**
 * Below this zoom a node's 12 px text is under 4 px on screen: nothing on
 * a big map is readable, so its entities and edges are painted as one
 * picture (the overview) instead of thousands of DOM nodes and SVG paths.
 */
export const TEXT_MIN_ZOOM = 0.3;

/**
 * The overview only pays off on big maps: a company of a few hundred
 * entities draws its real nodes and edges cheaply, and a fitted demo-sized
 * map (zoom ~0.27) keeps its names and clickable edges.
 */
export const OUTLINE_MIN_NODES = 1000;

/** Whether a model is drawn as an overview when zoomed out past reading. */
export function isBigMap(model: MapModel): boolean {
  return model.nodes.length >= OUTLINE_MIN_NODES;
}

/** A node's rectangle in map coordinates (system boxes' offsets applied). */
export interface OverviewRect {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Paths of one look, as SVG path data in map coordinates: the canvas
 * parses each once (Path2D) and strokes or fills it at any pan and zoom.
 */
export interface OverviewLayer {
  d: string;
  color: string;
  /** Stroke width in screen pixels (whatever the zoom); 0 to fill. */
  screenWidth: number;
  opacity: number;
}

/**
 * What the overview paints, in order (edges under nodes, as React Flow
 * draws them), and the rectangles the page hit-tests for clicks and
 * hovers.
 */
export interface OverviewScene {
  layers: OverviewLayer[];
  rects: OverviewRect[];
}

/** Map-coordinate rectangles of every placed node, system boxes excluded. */
export function absoluteRects(
  model: MapModel,
  placements: Map<string, NodePlacement>,
): Map<string, OverviewRect> {
  const rects = new Map<string, OverviewRect>();
  for (const n of model.nodes) {
    if (n.type === 'group') continue;
    const p = placements.get(n.id);
    if (!p) continue;
    const parent = n.parent ? placements.get(n.parent) : undefined;
    rects.set(n.id, {
      id: n.id,
      label: n.label,
      x: p.x + (parent?.x ?? 0),
      y: p.y + (parent?.y ?? 0),
      width: p.width,
      height: p.height,
    });
  }
  return rects;
}

function add(
  layers: Map<string, OverviewLayer>,
  key: string,
  look: Omit<OverviewLayer, 'd'>,
  d: string,
) {
  const layer = layers.get(key);
  if (layer) layer.d += d;
  else layers.set(key, { ...look, d });
}

const NODE_STROKE = '#607d8b';

function severityOf(findings: readonly CheckFinding[]) {
  return worstSeverity(findings);
}

/**
 * The overview of a laid-out model: every edge as the same bezier React
 * Flow draws (right side of its source to left side of its target), one
 * half-transparent screen pixel wide, in its style's colour (its worst
 * finding's when marked, two pixels); every node as its rectangle, white,
 * outlined in its style's colour (its worst finding's when marked, two
 * pixels; black, three, when selected). One layer per look, so the
 * canvas strokes a handful of paths instead of twelve thousand.
 */
export function buildOverview(
  model: MapModel,
  placements: Map<string, NodePlacement>,
  selection?: { type: 'node' | 'edge'; id: string },
): OverviewScene {
  const rects = absoluteRects(model, placements);
  const edgeLayers = new Map<string, OverviewLayer>();
  for (const e of model.edges) {
    const a = rects.get(e.from);
    const b = rects.get(e.to);
    if (!a || !b) continue;
    const [d] = getBezierPath({
      sourceX: a.x + a.width,
      sourceY: a.y + a.height / 2,
      sourcePosition: Position.Right,
      targetX: b.x,
      targetY: b.y + b.height / 2,
      targetPosition: Position.Left,
    });
    const severity = severityOf(e.findings);
    const selected = selection?.type === 'edge' && selection.id === e.id;
    if (selected) {
      add(
        edgeLayers,
        `selected`,
        { color: STYLE_COLORS[e.style], screenWidth: 3, opacity: 1 },
        d,
      );
    } else if (severity) {
      add(
        edgeLayers,
        `marked:${severity}`,
        { color: SEVERITY_COLORS[severity], screenWidth: 2, opacity: 0.8 },
        d,
      );
    } else {
      add(
        edgeLayers,
        `style:${e.style}`,
        { color: STYLE_COLORS[e.style], screenWidth: 1, opacity: 0.45 },
        d,
      );
    }
  }
  const fills = new Map<string, OverviewLayer>();
  const outlines = new Map<string, OverviewLayer>();
  for (const n of model.nodes) {
    const r = rects.get(n.id);
    if (!r) continue;
    const d = `M${r.x} ${r.y}h${r.width}v${r.height}h${-r.width}Z`;
    const fill = n.focus === 'center' ? '#fff8e1' : '#fff';
    add(fills, fill, { color: fill, screenWidth: 0, opacity: 1 }, d);
    const severity = severityOf(n.findings);
    if (selection?.type === 'node' && selection.id === n.id) {
      add(
        outlines,
        'selected',
        { color: '#000', screenWidth: 3, opacity: 1 },
        d,
      );
    } else if (severity) {
      add(
        outlines,
        `marked:${severity}`,
        { color: SEVERITY_COLORS[severity], screenWidth: 2, opacity: 1 },
        d,
      );
    } else {
      const color = n.style ? STYLE_COLORS[n.style] : NODE_STROKE;
      add(outlines, color, { color, screenWidth: 1, opacity: 1 }, d);
    }
  }
  // Marked drawn over the plain ones, the selection over everything.
  const rank = (key: string) => {
    if (key === 'selected') return 2;
    return key.startsWith('marked') ? 1 : 0;
  };
  const ordered = (layers: Map<string, OverviewLayer>) =>
    [...layers.entries()]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([, layer]) => layer);
  return {
    layers: [...ordered(edgeLayers), ...fills.values(), ...ordered(outlines)],
    rects: [...rects.values()],
  };
}

/**
 * The node under a map-coordinate point, within `tolerance` map units (a
 * few screen pixels at the current zoom: outlines are small when zoomed
 * out). The topmost (last drawn) wins.
 */
export function nodeAt(
  scene: OverviewScene,
  x: number,
  y: number,
  tolerance = 0,
): OverviewRect | undefined {
  for (let i = scene.rects.length - 1; i >= 0; i--) {
    const r = scene.rects[i];
    if (
      x >= r.x - tolerance &&
      x <= r.x + r.width + tolerance &&
      y >= r.y - tolerance &&
      y <= r.y + r.height + tolerance
    ) {
      return r;
    }
  }
  return undefined;
}
