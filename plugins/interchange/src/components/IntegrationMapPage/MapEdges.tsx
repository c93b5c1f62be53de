import { memo } from 'react';
import {
  BaseEdge,
  Edge,
  EdgeProps,
  getBezierPath,
  useStore,
} from '@xyflow/react';
import { zoomedOut } from './MapNodes';

export type MapFlowEdge = Edge<{ marked: boolean }>;

/**
 * Zoomed out, an edge is one screen pixel whatever the zoom (a 1.5 px
 * stroke at zoom 0.05 was invisible): the map's frame sets
 * HAIRLINE_VAR to 1/zoom px when the zoom changes, so no edge re-renders
 * for it. Half transparent so thousands of them read as where the traffic
 * is, and solid (dashes are lost anyway).
 */
export const HAIRLINE_VAR = '--interchange-map-hairline';
const PLAIN = {
  strokeDasharray: undefined,
  strokeWidth: `var(${HAIRLINE_VAR}, 1px)`,
  strokeOpacity: 0.45,
} as const;

/**
 * React Flow's bezier edge, drawn plainer when zoomed out past reading:
 * no arrowhead, dash or label (a few screen pixels each, and thousands of
 * them were most of the paint on a whole-company map). Re-renders only
 * when that flips or its own props change.
 */
export const MapEdge = memo((props: EdgeProps<MapFlowEdge>) => {
  const plain = useStore(zoomedOut);
  const [path, labelX, labelY] = getBezierPath(props);
  return (
    <BaseEdge
      id={props.id}
      path={path}
      markerEnd={plain ? undefined : props.markerEnd}
      style={plain ? { ...props.style, ...PLAIN } : props.style}
      // Nobody aims at a hair-thin edge: no second, wider path to click.
      interactionWidth={plain ? 0 : props.interactionWidth}
      label={plain ? undefined : props.label}
      labelX={labelX}
      labelY={labelY}
      labelStyle={props.labelStyle}
      labelShowBg={props.labelShowBg}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={props.labelBgPadding}
      labelBgBorderRadius={props.labelBgBorderRadius}
    />
  );
});

export const edgeTypes = { map: MapEdge };
