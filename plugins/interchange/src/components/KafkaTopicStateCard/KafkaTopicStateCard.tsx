import { Box, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { Link } from '@backstage/core-components';
import { KafkaTopicLiveState } from '../../api';
import { DriftAlert } from '../DriftAlert';
import { EntityDataCard } from '../EntityDataCard';
import { SimpleColumn, SimpleTable } from '../SimpleTable';
import { StatChips } from '../StatChips';

type Partition = KafkaTopicLiveState['state']['partitions'][number];
type TopicConfig = KafkaTopicLiveState['state']['configs'][number];

const count = (n: number) => n.toLocaleString('en-US');

const PARTITION_COLUMNS: SimpleColumn<Partition>[] = [
  { title: '#', cell: p => p.partition },
  {
    title: 'Leader',
    cell: p => (p.leader < 0 ? <strong>none</strong> : p.leader),
  },
  { title: 'Replicas', cell: p => p.replicas.join(', ') },
  {
    title: 'In sync',
    cell: p => (
      <>
        {p.isr.join(', ')}
        {p.underReplicated && ' (under-replicated)'}
      </>
    ),
    style: p =>
      p.underReplicated ? { color: '#a4261d', fontWeight: 600 } : undefined,
  },
  { title: 'Earliest', align: 'right', cell: p => count(p.earliestOffset) },
  { title: 'Latest', align: 'right', cell: p => count(p.latestOffset) },
  { title: 'Messages', align: 'right', cell: p => count(p.messages) },
];

const CONFIG_COLUMNS: SimpleColumn<TopicConfig>[] = [
  { cell: c => <code>{c.name}</code> },
  { cell: c => <code>{c.isSensitive ? '(sensitive)' : c.value}</code> },
];

function LiveState(props: { value: KafkaTopicLiveState }) {
  const { value } = props;
  const s = value.state;
  const nonDefault = s.configs.filter(c => !c.isDefault);
  return (
    <>
      <Typography variant="body2" gutterBottom>
        <code>{value.topic}</code> on{' '}
        {value.cluster.dashboardUrl ? (
          <Link to={value.cluster.dashboardUrl}>{value.cluster.title}</Link>
        ) : (
          value.cluster.title
        )}
      </Typography>
      <StatChips
        stats={[
          `${s.partitions.length} partitions`,
          `replication ${s.replicationFactor}`,
          `~${count(s.messageCount)} messages`,
          {
            label: `${s.underReplicatedPartitions} under-replicated`,
            bad: s.underReplicatedPartitions > 0,
          },
          {
            label: `${s.offlinePartitions} offline`,
            bad: s.offlinePartitions > 0,
          },
        ]}
      />
      <DriftAlert noun="topic" drift={value.drift} />
      <Typography variant="subtitle2">Partitions</Typography>
      <SimpleTable
        label="partitions"
        columns={PARTITION_COLUMNS}
        rows={s.partitions}
        rowKey={p => String(p.partition)}
      />
      <Box mt={2}>
        <Typography variant="subtitle2">Configs set on the topic</Typography>
        {nonDefault.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            All configs are broker defaults.
          </Typography>
        ) : (
          <SimpleTable
            label="topic configs"
            noHeader
            columns={CONFIG_COLUMNS}
            rows={nonDefault}
            rowKey={c => c.name}
          />
        )}
      </Box>
    </>
  );
}

/** Said when the entity names a cluster that is missing or unreachable. */
const hints = {
  404: "Check this entity's spec.cluster against the clusters under interchange.kafka.clusters in app-config.yaml, then refresh.",
  503: 'The Kafka cluster did not answer. Check that its brokers (interchange.kafka.clusters[].brokers) are running and reachable from the backend, then refresh.',
};

/**
 * The topic as its cluster has it: partitions with leader, replicas and ISR,
 * offsets, configs, and the drift from what the entity declares.
 *
 * @public
 */
export function KafkaTopicStateCard(props: { title?: string }) {
  return (
    <EntityDataCard
      title={props.title ?? 'Live state'}
      subject="topic state"
      failure="Could not read the topic's live state"
      hints={hints}
      load={(api, ref) => api.getKafkaTopicState(ref)}
      isEmpty={value => !value.state.exists}
      empty={value => (
        <Alert severity="warning">
          Topic <code>{value?.topic}</code> does not exist on cluster{' '}
          {value?.cluster.title}. Create it (the "New Kafka topic" template
          does), or correct this entity's spec.topicName (the topic name when it
          differs from metadata.name).
        </Alert>
      )}
    >
      {value => <LiveState value={value} />}
    </EntityDataCard>
  );
}
