import { CSSProperties, memo } from 'react';
import {
  Handle,
  NodeProps,
  Position,
  Node,
  ReactFlowState,
  useStore,
} from '@xyflow/react';
import { MapNode } from '@interchange/plugin-interchange-common';
import { SEVERITY_COLORS, STYLE_COLORS, worstSeverity } from './mapStyles';
import { TEXT_MIN_ZOOM } from '../../map/overview';

export type MapFlowNode = Node<{
  node: MapNode;
  selected?: boolean;
  /** A big map: zoomed out past reading its entities are the overview canvas. */
  bigMap?: boolean;
}>;

const KIND_LABELS: Record<string, string> = {
  component: 'Component',
  kafkatopic: 'Kafka topic',
  webhook: 'Webhook',
  gatewayroute: 'Gateway route',
  api: 'API',
  url: 'External URL',
  system: 'System',
};

/**
 * Where edges attach, measured by React Flow but not painted: nothing is
 * connected by hand here, and ten thousand dots cost paint for no meaning.
 */
const HIDDEN_HANDLE = { visibility: 'hidden' } as const;

/** Incoming edges attach on the left, outgoing on the right. */
function HiddenHandle({ type }: { type: 'source' | 'target' }) {
  return (
    <Handle
      type={type}
      position={type === 'target' ? Position.Left : Position.Right}
      isConnectable={false}
      style={HIDDEN_HANDLE}
    />
  );
}

/** What the unit and end-to-end tests find a node and its findings by. */
function nodeAttributes(testId: string, node: MapNode) {
  return {
    'data-testid': testId,
    'data-ref': node.id,
    'data-marked': node.findings.length > 0 || undefined,
  };
}

const FOCUS_LABELS = {
  center: 'focused',
  downstream: 'depends on it',
  upstream: 'it depends on',
  both: 'both ways',
};

function FindingBadge({ node }: { node: MapNode }) {
  const severity = worstSeverity(node.findings);
  if (!severity) return null;
  return (
    <span
      data-testid="map-finding-badge"
      title={node.findings.map(f => `${f.rule}: ${f.message}`).join('\n')}
      style={{
        position: 'absolute',
        top: -9,
        right: -9,
        minWidth: 18,
        height: 18,
        borderRadius: 9,
        background: SEVERITY_COLORS[severity],
        color: '#fff',
        fontSize: 11,
        fontWeight: 700,
        lineHeight: '18px',
        textAlign: 'center',
        padding: '0 4px',
      }}
    >
      {node.findings.length}
    </span>
  );
}

/** Components are boxes, integrations and APIs pills. */
function radiusOf(node: MapNode) {
  return node.kind === 'component' ? 6 : 20;
}

function borderOf(node: MapNode, selected?: boolean) {
  const severity = worstSeverity(node.findings);
  if (selected) return '3px solid #000';
  if (severity) return `2px solid ${SEVERITY_COLORS[severity]}`;
  return `1px solid ${node.style ? STYLE_COLORS[node.style] : '#607d8b'}`;
}

/** A component, integration entity, API or external URL. */
export const EntityNode = memo(({ data }: NodeProps<MapFlowNode>) => {
  const { node, selected } = data;
  return (
    <div
      {...nodeAttributes('map-node', node)}
      data-kind={node.kind}
      data-focus={node.focus}
      style={{
        position: 'relative',
        width: '100%',
        height: '100%',
        boxSizing: 'border-box',
        borderRadius: radiusOf(node),
        border: borderOf(node, selected),
        background: node.focus === 'center' ? '#fff8e1' : '#fff',
        padding: '4px 10px',
        fontSize: 12,
        overflow: 'hidden',
        cursor: 'pointer',
      }}
    >
      <HiddenHandle type="target" />
      <div
        style={{
          fontWeight: 600,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          color: '#212121',
        }}
      >
        {node.label}
      </div>
      <div
        style={{
          fontSize: 10,
          color: node.style ? STYLE_COLORS[node.style] : '#607d8b',
        }}
      >
        {KIND_LABELS[node.kind] ?? node.kind}
        {node.focus ? ` · ${FOCUS_LABELS[node.focus]}` : ''}
      </div>
      <FindingBadge node={node} />
      <HiddenHandle type="source" />
    </div>
  );
});

/**
 * Zoomed out past reading, a big map's system box title grows as the map
 * shrinks (up to 12 times, in steps so boxes re-render only a few times
 * per zoom), so the whole-company overview still names its systems.
 */
const titleScaleOf = (s: ReactFlowState) => {
  const zoom = s.transform[2];
  if (zoom >= TEXT_MIN_ZOOM) return 1;
  return Math.min(12, Math.round((2 * TEXT_MIN_ZOOM) / zoom) / 2);
};

/** A system's box, filling its node: as a group of members or as one node. */
function systemBox(border: string, background: string): CSSProperties {
  return {
    position: 'relative',
    width: '100%',
    height: '100%',
    boxSizing: 'border-box',
    borderRadius: 10,
    border,
    background,
  };
}

/** A system's box holding its members. */
export const GroupNode = memo(({ data }: NodeProps<MapFlowNode>) => {
  const { node } = data;
  const severity = worstSeverity(node.findings);
  const zoomedOutScale = useStore(titleScaleOf);
  const titleScale = data.bigMap ? zoomedOutScale : 1;
  return (
    <div
      {...nodeAttributes('map-system', node)}
      style={systemBox(
        severity
          ? `2px dashed ${SEVERITY_COLORS[severity]}`
          : '1px solid #90a4ae',
        'rgba(236, 239, 241, 0.55)',
      )}
    >
      <div
        style={{
          padding: '8px 12px',
          fontWeight: 700,
          fontSize: 14 * titleScale,
          lineHeight: 1.2,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          color: '#37474f',
          cursor: 'pointer',
        }}
      >
        {node.label}
      </div>
      <FindingBadge node={node} />
    </div>
  );
});

/** A whole system as one node (the company view when it is too big to draw). */
export const SystemNode = memo(({ data }: NodeProps<MapFlowNode>) => {
  const { node, selected } = data;
  return (
    <div
      {...nodeAttributes('map-system', node)}
      style={{
        ...systemBox(borderOf(node, selected), 'rgba(236, 239, 241, 0.9)'),
        padding: '8px 12px',
        cursor: 'pointer',
      }}
    >
      <HiddenHandle type="target" />
      <div style={{ fontWeight: 700, fontSize: 14, color: '#37474f' }}>
        {node.label}
      </div>
      <div style={{ fontSize: 11, color: '#546e7a' }}>
        {node.members} entities
      </div>
      <FindingBadge node={node} />
      <HiddenHandle type="source" />
    </div>
  );
});

export const nodeTypes = {
  entity: EntityNode,
  group: GroupNode,
  system: SystemNode,
};
