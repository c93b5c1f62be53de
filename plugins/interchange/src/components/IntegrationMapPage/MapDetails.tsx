import { Box, Button, Chip, Divider, Typography } from '@material-ui/core';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CheckFinding,
  ImpactResult,
  IntegrationGraph,
  labelOf,
  MapModel,
  NO_SYSTEM,
} from '@interchange/plugin-interchange-common';
import { MapSelection } from './MapCanvas';
import { SEVERITY_COLORS } from './mapStyles';

function FindingItem({ finding }: { finding: CheckFinding }) {
  return (
    <Box mb={1.5} data-testid="map-finding">
      <Box display="flex" alignItems="center" mb={0.5}>
        <Chip
          size="small"
          label={finding.severity}
          style={{
            background: SEVERITY_COLORS[finding.severity],
            color: '#fff',
            marginRight: 8,
          }}
        />
        <Typography variant="body2" component="code">
          {finding.rule}
        </Typography>
      </Box>
      <Typography variant="body2">{finding.message}</Typography>
      <Typography variant="body2" color="textSecondary">
        <strong>Fix:</strong> {finding.fix}
      </Typography>
    </Box>
  );
}

export function FindingList({
  findings,
}: {
  findings: readonly CheckFinding[];
}) {
  if (!findings.length) return null;
  return (
    <Box mt={1}>
      <Typography variant="subtitle2" gutterBottom>
        Findings ({findings.length})
      </Typography>
      {findings.map((f, i) => (
        <FindingItem key={`${f.rule}:${i}`} finding={f} />
      ))}
    </Box>
  );
}

function EntityLink({
  refString,
  graph,
}: {
  refString: string;
  graph: IntegrationGraph;
}) {
  if (refString === NO_SYSTEM || refString.startsWith('url:')) {
    return <>{labelOf(graph.nodes.get(refString), refString)}</>;
  }
  return (
    <EntityRefLink
      entityRef={refString}
      title={labelOf(graph.nodes.get(refString), refString)}
    />
  );
}

/** The paths of an impact answer, nearest first. */
export function ImpactPaths(props: {
  title: string;
  result: ImpactResult;
  graph: IntegrationGraph;
}) {
  const { result, graph } = props;
  return (
    <Box mt={1} data-testid={`impact-${result.direction}`}>
      <Typography variant="subtitle2">
        {props.title} ({result.reached.length})
      </Typography>
      {result.reached.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing within {result.depth} hops.
        </Typography>
      ) : (
        result.reached.slice(0, 50).map(entry => (
          <Typography variant="body2" key={entry.entityRef}>
            <EntityLink refString={entry.entityRef} graph={graph} />{' '}
            <Typography
              component="span"
              variant="caption"
              color="textSecondary"
            >
              ({entry.distance} hop{entry.distance === 1 ? '' : 's'}:{' '}
              {entry.path.map(r => labelOf(graph.nodes.get(r), r)).join(' → ')})
            </Typography>
          </Typography>
        ))
      )}
      {result.reached.length > 50 ? (
        <Typography variant="caption">
          …and {result.reached.length - 50} more
        </Typography>
      ) : null}
    </Box>
  );
}

/** What was clicked on the map: the entity or edge, its findings, and focus. */
export function MapDetails(props: {
  selection: MapSelection;
  model: MapModel;
  graph: IntegrationGraph;
  onFocus?: (ref: string) => void;
  focused?: string;
}) {
  const { selection, model, graph } = props;
  if (selection.type === 'edge') {
    const edge = model.edges.find(e => e.id === selection.id);
    if (!edge) return null;
    return (
      <Box data-testid="map-details">
        <Typography variant="h6">
          {labelOf(graph.nodes.get(edge.from), edge.from)} →{' '}
          {labelOf(graph.nodes.get(edge.to), edge.to)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {edge.styles.join(', ')} ·{' '}
          {edge.sync ? 'synchronous' : 'asynchronous'}
        </Typography>
        {edge.channels.length ? (
          <Box mt={1}>
            <Typography variant="subtitle2">Through</Typography>
            {edge.channels.slice(0, 30).map(c => (
              <Typography variant="body2" key={c}>
                <EntityLink refString={c} graph={graph} />
              </Typography>
            ))}
          </Box>
        ) : null}
        <FindingList findings={edge.findings} />
      </Box>
    );
  }
  const node = model.nodes.find(n => n.id === selection.id);
  if (!node) return null;
  const entity = graph.nodes.get(node.id);
  return (
    <Box data-testid="map-details">
      <Typography variant="h6">
        <EntityLink refString={node.id} graph={graph} />
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {node.id}
      </Typography>
      {entity?.owner ? (
        <Typography variant="body2">
          Owner: <EntityLink refString={entity.owner} graph={graph} />
        </Typography>
      ) : null}
      {entity?.lifecycle ? (
        <Typography variant="body2">Lifecycle: {entity.lifecycle}</Typography>
      ) : null}
      {props.onFocus &&
      node.id !== NO_SYSTEM &&
      !node.id.startsWith('url:') &&
      props.focused !== node.id ? (
        <Box mt={1}>
          <Button
            variant="outlined"
            color="primary"
            size="small"
            onClick={() => props.onFocus!(node.id)}
          >
            Focus: what breaks if I change this
          </Button>
        </Box>
      ) : null}
      <Divider style={{ margin: '8px 0' }} />
      <FindingList findings={node.findings} />
      {!node.findings.length ? (
        <Typography variant="body2" color="textSecondary">
          No findings.
        </Typography>
      ) : null}
    </Box>
  );
}
