import { memo } from 'react';
import {
  BaseEdge,
  Edge,
  EdgeProps,
  getBezierPath,
  ReactFlowState,
  useStore,
} from '@xyflow/react';

export type MapFlowEdge = Edge<{ marked: boolean; bigMap?: boolean }>;

/**
 * On a big map, asynchronous edges are dashed only from this zoom on.
 * Below it a screenful holds hundreds of edges running thousands of
 * pixels across and beyond the view, and dashing them was most of the
 * paint: at zoom 0.31, 5,000 entities, panning ran at 33 ms a frame
 * without dashes, 50 ms (p95 350 ms) with them.
 */
export const DASH_MIN_ZOOM = 0.6;
const dashing = (s: ReactFlowState) => s.transform[2] >= DASH_MIN_ZOOM;

/**
 * React Flow's bezier edge. A big map zoomed out past reading draws no
 * edge component at all (its overview canvas paints them), so this one is
 * always the readable edge: arrowhead, label, click path, and dashes when
 * asynchronous (on a big map from DASH_MIN_ZOOM). Re-renders only when its
 * props change or that zoom is crossed.
 */
export const MapEdge = memo((props: EdgeProps<MapFlowEdge>) => {
  const [path, labelX, labelY] = getBezierPath(props);
  const dashed = useStore(dashing) || !props.data?.bigMap;
  return (
    <BaseEdge
      id={props.id}
      path={path}
      markerEnd={props.markerEnd}
      style={
        dashed ? props.style : { ...props.style, strokeDasharray: undefined }
      }
      interactionWidth={props.interactionWidth}
      label={props.label}
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
