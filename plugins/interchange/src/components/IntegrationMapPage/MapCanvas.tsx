import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  getViewportForBounds,
  MarkerType,
  MiniMap,
  ReactFlow,
  Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Progress } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { MapModel } from '../../map/mapModel';
import { layoutMap, NodePlacement } from '../../map/layout';
import { MapFlowNode, nodeTypes } from './MapNodes';
import { edgeTypes, HAIRLINE_VAR, MapFlowEdge } from './MapEdges';
import { MAP_MARKS, markMap } from '../../map/marks';
import { SEVERITY_COLORS, STYLE_COLORS, worstSeverity } from './mapStyles';

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 2;

export type MapSelection = { type: 'node' | 'edge'; id: string };

/** React Flow's nodes and edges for a laid-out model, nothing selected. */
function toFlow(
  model: MapModel,
  placements: Map<string, NodePlacement>,
): { nodes: MapFlowNode[]; edges: MapFlowEdge[] } {
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
      data: { node: n },
    });
  }
  const edges: MapFlowEdge[] = model.edges.map(e => edgeOf(e, false));
  return { nodes, edges };
}

/** One edge as React Flow draws it; `selected` draws it thicker in its style's colour. */
function edgeOf(e: MapModel['edges'][number], selected: boolean): MapFlowEdge {
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
    data: { marked: !!severity },
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
          e.id === selection.id ? edgeOf(selected, true) : e,
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
  const hairline = (zoom: number) => {
    const width = `${(1 / zoom).toFixed(3)}px`;
    const style = frame.current?.style;
    if (style && style.getPropertyValue(HAIRLINE_VAR) !== width) {
      style.setProperty(HAIRLINE_VAR, width);
    }
  };
  const moving = (on: boolean) =>
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
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onMoveStart={() => moving(true)}
        onMove={(_, viewport) => hairline(viewport.zoom)}
        onMoveEnd={() => moving(false)}
        defaultViewport={initialView}
        fitView={!initialView}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable
        // Every node stays mounted: with only the visible ones, a pan across
        // a zoomed-out company mounted and unmounted thousands of nodes per
        // frame (about one frame a second at 5,000); mounted, a pan is the
        // compositor sliding one layer.
        onlyRenderVisibleElements={false}
        onInit={instance => {
          hairline(instance.getZoom());
          // Two frames: React Flow has measured and painted the nodes.
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              setDrawn(true);
              markMap(MAP_MARKS.ready);
            }),
          );
        }}
        onNodeClick={(_, n) => onSelect?.({ type: 'node', id: n.id })}
        onEdgeClick={(_, e) => onSelect?.({ type: 'edge', id: e.id })}
        onPaneClick={() => onSelect?.(undefined)}
        proOptions={{ hideAttribution: false }}
      >
        <Background gap={24} />
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
      style={{ height: props.height, width: '100%', position: 'relative' }}
    >
      {body}
    </div>
  );
}
