import { memo } from 'react';
import { BaseEdge, Edge, EdgeProps, getBezierPath } from '@xyflow/react';

export type MapFlowEdge = Edge<{ marked: boolean }>;

/**
 * React Flow's bezier edge. A big map zoomed out past reading draws no
 * edge component at all (its overview canvas paints them), so this one is
 * always the readable edge: arrowhead, dashes, label, click path.
 */
export const MapEdge = memo((props: EdgeProps<MapFlowEdge>) => {
  const [path, labelX, labelY] = getBezierPath(props);
  return (
    <BaseEdge
      id={props.id}
      path={path}
      markerEnd={props.markerEnd}
      style={props.style}
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
