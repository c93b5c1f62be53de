import { Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useEntity } from '@backstage/plugin-catalog-react';
import { KafkaConsumerGroups } from '../../api';
import { EntityDataCard } from '../EntityDataCard';
import { UnreachableSince } from '../InterchangeErrorPanel/UnreachableSince';
import { formatDuration } from './formatDuration';
import { LagSparkline } from '../LagSparkline';
import { LagStatusChip } from '../LagStatusChip';
import { SimpleColumn, SimpleTable } from '../SimpleTable';

type Group = KafkaConsumerGroups['items'][number];

const COLUMNS: SimpleColumn<Group>[] = [
  {
    title: 'Group',
    cell: g => (
      <>
        <code>{g.groupId}</code>
        <Typography variant="caption" color="textSecondary" display="block">
          {g.cluster} · {g.partitions.length} partition
          {g.partitions.length === 1 ? '' : 's'}
        </Typography>
      </>
    ),
  },
  {
    title: 'Health',
    cell: g => (
      <LagStatusChip status={g.health?.status} reason={g.health?.reason} />
    ),
  },
  { title: 'State', cell: g => g.state },
  { title: 'Members', align: 'right', cell: g => g.members },
  {
    title: 'Lag (messages)',
    align: 'right',
    cell: g => g.totalLag.toLocaleString('en-US'),
  },
  {
    title: 'Lag (time)',
    align: 'right',
    cell: g => formatDuration(g.health?.maxTimeLagMs),
  },
  {
    title: 'Last 6 h',
    cell: g => <LagSparkline cluster={g.cluster} groupId={g.groupId} />,
  },
];

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
      <SimpleTable
        label="consumer groups"
        columns={COLUMNS}
        rows={value.items}
        rowKey={g => `${g.cluster}/${g.groupId}`}
      />
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
