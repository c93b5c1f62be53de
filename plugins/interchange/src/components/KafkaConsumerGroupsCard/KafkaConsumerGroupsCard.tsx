import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useEntity } from '@backstage/plugin-catalog-react';
import { KafkaConsumerGroups } from '../../api';
import { EntityDataCard } from '../EntityDataCard';
import { UnreachableSince } from '../InterchangeErrorPanel/UnreachableSince';
import { formatDuration } from './formatDuration';
import { LagSparkline } from '../LagSparkline';
import { LagStatusChip } from '../LagStatusChip';

function Groups(props: { value: KafkaConsumerGroups }) {
  const { value } = props;
  return (
    <>
      {value.errors.map(e => (
        <Alert severity="error" key={e.cluster} style={{ marginBottom: 8 }}>
          <UnreachableSince since={e.unreachableSince} />
          <Typography variant="body2">{e.message}</Typography>
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

const hints = {
  404: "Check the cluster in this entity's spec.cluster or in its consumer-group annotation against the clusters under interchange.kafka.clusters in app-config.yaml, then refresh.",
  503: 'The Kafka cluster did not answer. Check that its brokers (interchange.kafka.clusters[].brokers) are running and reachable from the backend, then refresh.',
};

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
  return (
    <EntityDataCard
      title={props.title ?? 'Consumer groups'}
      subject="consumer groups"
      failure="Could not read consumer groups"
      hints={hints}
      load={(api, ref) => api.getKafkaConsumerGroups(ref)}
      isEmpty={value => value.items.length === 0 && value.errors.length === 0}
      empty={
        entity.kind === 'KafkaTopic'
          ? 'No consumer group has committed offsets on this topic.'
          : 'No consumer groups are declared. Add the annotation interchange.dev/kafka-consumer-groups: <cluster>/<group>.'
      }
    >
      {value => <Groups value={value} />}
    </EntityDataCard>
  );
}
