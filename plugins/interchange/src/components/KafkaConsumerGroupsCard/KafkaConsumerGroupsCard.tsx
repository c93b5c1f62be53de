import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import { Alert } from '@material-ui/lab';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { interchangeApiRef } from '../../api';
import { formatDuration } from './formatDuration';
import { LagSparkline } from './LagSparkline';
import { LagStatusChip } from './LagStatusChip';

/**
 * Consumer groups with lag in messages and in time, health and trend: a
 * KafkaTopic's groups, or the groups a Component declares in its
 * `interchange.dev/kafka-consumer-groups` (or `kafka.apache.org/consumer-groups`)
 * annotation.
 *
 * @public
 */
export function KafkaConsumerGroupsCard(props: { title?: string }) {
  const { entity } = useEntity();
  const api = useApi(interchangeApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getKafkaConsumerGroups(getCompoundEntityRef(entity)),
    [api, entity.metadata.uid],
  );
  const refresh = (
    <Tooltip title="Refresh">
      <IconButton aria-label="refresh consumer groups" onClick={retry}>
        <RefreshIcon />
      </IconButton>
    </Tooltip>
  );
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <ResponseErrorPanel
        title="Could not read consumer groups"
        error={error}
      />
    );
  } else if (
    !value ||
    (value.items.length === 0 && value.errors.length === 0)
  ) {
    content = (
      <Typography variant="body2" color="textSecondary">
        {entity.kind === 'KafkaTopic'
          ? 'No consumer group has committed offsets on this topic.'
          : 'No consumer groups are declared. Add the annotation interchange.dev/kafka-consumer-groups: <cluster>/<group>.'}
      </Typography>
    );
  } else {
    content = (
      <>
        {value.errors.map(e => (
          <Alert severity="error" key={e.cluster} style={{ marginBottom: 8 }}>
            {e.message}
          </Alert>
        ))}
        <Table size="small" aria-label="consumer groups">
          <TableHead>
            <TableRow>
              <TableCell>Group</TableCell>
              <TableCell>Health</TableCell>
              <TableCell>State</TableCell>
              <TableCell align="right">Members</TableCell>
              <TableCell align="right">Lag (messages)</TableCell>
              <TableCell align="right">Lag (time)</TableCell>
              <TableCell>Last 6 h</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.items.map(g => (
              <TableRow key={`${g.cluster}/${g.groupId}`}>
                <TableCell>
                  <code>{g.groupId}</code>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    display="block"
                  >
                    {g.cluster} · {g.partitions.length} partition
                    {g.partitions.length === 1 ? '' : 's'}
                  </Typography>
                </TableCell>
                <TableCell>
                  <LagStatusChip
                    status={g.health?.status}
                    reason={g.health?.reason}
                  />
                </TableCell>
                <TableCell>{g.state}</TableCell>
                <TableCell align="right">{g.members}</TableCell>
                <TableCell align="right">
                  {g.totalLag.toLocaleString('en-US')}
                </TableCell>
                <TableCell align="right">
                  {formatDuration(g.health?.maxTimeLagMs)}
                </TableCell>
                <TableCell>
                  <LagSparkline cluster={g.cluster} groupId={g.groupId} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    );
  }
  return (
    <InfoCard title={props.title ?? 'Consumer groups'} action={refresh}>
      {content}
    </InfoCard>
  );
}
