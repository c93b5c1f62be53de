import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  getViewportForBounds,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowInstance,
  Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Progress } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { MapModel } from '@interchange/plugin-interchange-common';
import { layoutMap, NodePlacement } from '../../map/layout';
import { MapFlowNode, nodeTypes } from './MapNodes';
import { edgeTypes, MapFlowEdge } from './MapEdges';
import { MAP_MARKS, markMap } from '../../map/marks';
import { SEVERITY_COLORS, STYLE_COLORS, worstSeverity } from './mapStyles';
import {
  buildOverview,
  isBigMap,
  nodeAt,
  OverviewScene,
  TEXT_MIN_ZOOM,
} from '../../map/overview';
import { MapOverview } from './MapOverview';

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 2;

export type MapSelection = { type: 'node' | 'edge'; id: string };

const NO_EDGES: MapFlowEdge[] = [];

/**
 * Where React Flow's bezier edges attach to an entity node: the middle of
 * its left (target) and right (source) sides, as the node's hidden
 * `<Handle>`s are measured. Declared on big maps, so React Flow can draw
 * an edge to a node it has not mounted (only visible nodes are), and does
 * not mount every node once just to measure it.
 */
function handlesOf(p: NodePlacement): MapFlowNode['handles'] {
  const y = p.height / 2 - 3;
  return [
    { type: 'target', position: Position.Left, x: -3, y, width: 6, height: 6 },
    {
      type: 'source',
      position: Position.Right,
      x: p.width - 3,
      y,
      width: 6,
      height: 6,
    },
  ];
}

/** React Flow's nodes and edges for a laid-out model, nothing selected. */
function toFlow(
  model: MapModel,
  placements: Map<string, NodePlacement>,
): { nodes: MapFlowNode[]; edges: MapFlowEdge[] } {
  const big = isBigMap(model);
  const nodes: MapFlowNode[] = [];
  // Parents before their children, as React Flow needs.
  const ordered = [
    ...model.nodes.filter(n => n.type === 'group'),
    ...model.nodes.filter(n => n.type !== 'group'),
  ];
  for (const n of ordered) {
    const p = placements.get(n.id);
    if (!p) continue;
    nodes.push({
      id: n.id,
      type: n.type,
      position: { x: p.x, y: p.y },
      width: p.width,
      height: p.height,
      style: { width: p.width, height: p.height },
      parentId: n.parent,
      zIndex: n.type === 'group' ? -1 : 1,
      selectable: true,
      handles: big && n.type !== 'group' ? handlesOf(p) : undefined,
      data: { node: n, bigMap: big },
    });
  }
  const edges: MapFlowEdge[] = model.edges.map(e => edgeOf(e, false, big));
  return { nodes, edges };
}

/** One edge as React Flow draws it; `selected` draws it thicker in its style's colour. */
function edgeOf(
  e: MapModel['edges'][number],
  selected: boolean,
  bigMap: boolean,
): MapFlowEdge {
  const severity = worstSeverity(e.findings);
  const color = STYLE_COLORS[e.style];
  let label = e.label;
  if (severity) label = `${label ? `${label} ` : ''}⚠ ${e.findings.length}`;
  return {
    id: e.id,
    type: 'map',
    source: e.from,
    target: e.to,
    label,
    // Above the system boxes (-1), below the entities (1): an edge never
    // takes a click meant for a node.
    zIndex: 0,
    interactionWidth: 12,
    className: severity ? 'interchange-map-edge-marked' : undefined,
    data: { marked: !!severity, bigMap },
    markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
    labelStyle: severity
      ? { fill: SEVERITY_COLORS[severity], fontWeight: 700 }
      : { fill: '#455a64' },
    labelBgStyle: { fill: '#fff', fillOpacity: 0.85 },
    style: {
      stroke: severity && !selected ? SEVERITY_COLORS[severity] : color,
      strokeWidth: selected || severity ? 3 : 1.5,
      // Asynchronous flows (events, webhooks) dashed, calls solid.
      strokeDasharray: e.sync ? undefined : '6 4',
    },
  };
}

/**
 * The selection applied to drawn nodes and edges: only the selected ones
 * are new objects, so React Flow re-renders those and not the thousands
 * of others (it compares them by identity).
 */
function withSelection(
  flow: { nodes: MapFlowNode[]; edges: MapFlowEdge[] },
  model: MapModel,
  selection: MapSelection | undefined,
) {
  if (!selection) return flow;
  if (selection.type === 'node') {
    return {
      nodes: flow.nodes.map(n =>
        n.id === selection.id
          ? { ...n, data: { ...n.data, selected: true } }
          : n,
      ),
      edges: flow.edges,
    };
  }
  const selected = model.edges.find(e => e.id === selection.id);
  return {
    nodes: flow.nodes,
    edges: selected
      ? flow.edges.map(e =>
          e.id === selection.id ? edgeOf(selected, true, isBigMap(model)) : e,
        )
      : flow.edges,
  };
}

/**
 * Lays a map model out with ELK (off the main thread) and draws it with
 * React Flow. `data-status="ready"` on the container (and the
 * `interchange-map-ready` performance mark) say the first layout is drawn.
 */
export function MapCanvas(props: {
  model: MapModel;
  selection?: MapSelection;
  onSelect?: (selection: MapSelection | undefined) => void;
  height: number | string;
  miniMap?: boolean;
}) {
  const { model, selection, onSelect } = props;
  const [layout, setLayout] = useState<{
    model: MapModel;
    placements?: Map<string, NodePlacement>;
    error?: Error;
    seq: number;
  }>();
  useEffect(() => {
    let cancelled = false;
    layoutMap(model).then(
      placements => {
        if (cancelled) return;
        markMap(MAP_MARKS.layout);
        setLayout(l => ({ model, placements, seq: (l?.seq ?? 0) + 1 }));
      },
      error =>
        !cancelled &&
        setLayout(l => ({ model, error, seq: (l?.seq ?? 0) + 1 })),
    );
    return () => {
      cancelled = true;
    };
  }, [model]);

  const current = layout?.model === model ? layout : undefined;
  const unselected = useMemo(
    () => (current?.placements ? toFlow(model, current.placements) : undefined),
    [model, current],
  );
  const flow = useMemo(
    () => unselected && withSelection(unselected, model, selection),
    [unselected, model, selection],
  );
  // While the map moves, its content is one composited layer that the
  // compositor slides around (no repaint of thousands of nodes per frame);
  // after the move it is an ordinary layer again, so zooming re-draws it
  // sharp at the new scale instead of stretching the old pixels.
  const frame = useRef<HTMLDivElement>(null);
  // Not on big maps: their overview canvas is painted again at each frame
  // and, zoomed in, nodes mount and unmount as they enter and leave the
  // view, so the layer's content changes while it moves; as one composited
  // layer (thousands of pixels wide at a readable zoom) it was rastered
  // again and again: 8.6 s to zoom in to reading, panning at 133 ms a frame.
  const moving = (on: boolean) =>
    !isBigMap(model) &&
    frame.current
      ?.querySelector<HTMLElement>('.react-flow__viewport')
      ?.style.setProperty('will-change', on ? 'transform' : '');
  // The view that fits the whole map, from the layout and the frame's
  // size: React Flow starts there, instead of drawing every node at zoom 1
  // and drawing them all again once `fitView` has measured them.
  const initialView = useMemo((): Viewport | undefined => {
    const box = frame.current?.getBoundingClientRect();
    if (!current?.placements || !box?.width || !box.height) return undefined;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const n of model.nodes) {
      const p = n.parent ? undefined : current.placements.get(n.id);
      if (!p) continue;
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x + p.width);
      y1 = Math.max(y1, p.y + p.height);
    }
    if (x0 === Infinity) return undefined;
    return getViewportForBounds(
      { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
      box.width,
      box.height,
      MIN_ZOOM,
      MAX_ZOOM,
      0.1,
    );
  }, [model, current]);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => setDrawn(false), [model]);

  // A big map zoomed out past reading is an overview: React Flow holds
  // only the system boxes, and one canvas paints every entity and edge
  // (MapOverview). Zoomed in, React Flow draws the real nodes and edges,
  // only those in view.
  const big = isBigMap(model);
  const [zoomed, setZoomed] = useState<{ seq?: number; overview: boolean }>();
  const overview =
    big &&
    (zoomed && zoomed.seq === current?.seq
      ? zoomed.overview
      : (initialView?.zoom ?? 0) < TEXT_MIN_ZOOM);
  // Called on every frame of a move: a new state only when it flips.
  const onZoom = (zoom: number) => {
    if (!big) return;
    const next = { seq: current?.seq, overview: zoom < TEXT_MIN_ZOOM };
    setZoomed(z =>
      z && z.seq === next.seq && z.overview === next.overview ? z : next,
    );
  };
  const scene = useMemo(
    (): OverviewScene | undefined =>
      big && current?.placements
        ? buildOverview(model, current.placements, selection)
        : undefined,
    [big, model, current, selection],
  );
  const groupsOnly = useMemo(
    () => flow?.nodes.filter(n => n.type === 'group'),
    [flow],
  );
  const instance = useRef<ReactFlowInstance<MapFlowNode, MapFlowEdge>>();
  /** In the overview, the entity under the pointer (the canvas takes no events). */
  const entityAt = (event: { clientX: number; clientY: number }) => {
    const flowInstance = instance.current;
    if (!overview || !scene || !flowInstance) return undefined;
    const p = flowInstance.screenToFlowPosition({
      x: event.clientX,
      y: event.clientY,
    });
    // Outlines are a few pixels wide zoomed out: 3 screen pixels of slack.
    return nodeAt(scene, p.x, p.y, 3 / flowInstance.getZoom());
  };
  const hover = (event: { clientX: number; clientY: number }) => {
    if (!overview || !frame.current) return;
    const title = entityAt(event)?.label ?? '';
    if (frame.current.title !== title) frame.current.title = title;
  };

  let body;
  if (current?.error) {
    body = (
      <Typography color="error" role="alert">
        Could not lay the map out: {current.error.message}
      </Typography>
    );
  } else if (!flow) {
    body = <Progress />;
  } else {
    body = (
      <ReactFlow
        // A new layout is a new picture: fit it to the view again.
        key={current?.seq}
        nodes={overview ? groupsOnly : flow.nodes}
        edges={overview ? NO_EDGES : flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onMoveStart={() => moving(true)}
        onMove={(_, viewport) => onZoom(viewport.zoom)}
        onMoveEnd={() => moving(false)}
        defaultViewport={initialView}
        fitView={!initialView}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable
        // A big map zoomed in mounts only what is in view (its overview,
        // zoomed out, is the canvas). A small map keeps every node
        // mounted: a pan is then the compositor sliding one layer.
        onlyRenderVisibleElements={big}
        onInit={flowInstance => {
          instance.current = flowInstance;
          // Two frames: React Flow has measured and painted the nodes.
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              setDrawn(true);
              markMap(MAP_MARKS.ready);
            }),
          );
        }}
        onNodeClick={(event, n) =>
          onSelect?.({ type: 'node', id: entityAt(event)?.id ?? n.id })
        }
        onEdgeClick={(_, e) => onSelect?.({ type: 'edge', id: e.id })}
        onPaneClick={event => {
          const hit = entityAt(event);
          onSelect?.(hit ? { type: 'node', id: hit.id } : undefined);
        }}
        onPaneMouseMove={hover}
        onNodeMouseMove={hover}
        proOptions={{ hideAttribution: false }}
      >
        <Background gap={24} />
        {overview && scene ? <MapOverview scene={scene} /> : null}
        <Controls showInteractive={false} />
        {props.miniMap && flow.nodes.length <= 2000 ? (
          <MiniMap pannable zoomable />
        ) : null}
      </ReactFlow>
    );
  }
  return (
    <div
      ref={frame}
      data-testid="integration-map"
      data-status={drawn && flow ? 'ready' : 'laying-out'}
      data-nodes={flow?.nodes.length ?? 0}
      data-edges={flow?.edges.length ?? 0}
      // How the entities are drawn now: one canvas (zoomed-out big map) or
      // React Flow's nodes and edges.
      data-drawing={overview ? 'overview' : 'nodes'}
      style={{ height: props.height, width: '100%', position: 'relative' }}
    >
      {body}
    </div>
  );
}
