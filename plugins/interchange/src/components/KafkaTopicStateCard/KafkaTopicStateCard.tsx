import {
  Box,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { Link } from '@backstage/core-components';
import { KafkaTopicLiveState } from '../../api';
import { EntityDataCard } from '../EntityDataCard';

function Health(props: { live: KafkaTopicLiveState }) {
  const s = props.live.state;
  const chips: { label: string; bad?: boolean }[] = [
    { label: `${s.partitions.length} partitions` },
    { label: `replication ${s.replicationFactor}` },
    { label: `~${s.messageCount.toLocaleString('en-US')} messages` },
    {
      label: `${s.underReplicatedPartitions} under-replicated`,
      bad: s.underReplicatedPartitions > 0,
    },
    { label: `${s.offlinePartitions} offline`, bad: s.offlinePartitions > 0 },
  ];
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={2}>
      {chips.map(c => (
        <Chip
          key={c.label}
          size="small"
          label={c.label}
          style={
            c.bad ? { background: '#fdecea', color: '#a4261d' } : undefined
          }
        />
      ))}
    </Box>
  );
}

function LiveState(props: { value: KafkaTopicLiveState }) {
  const { value } = props;
  const nonDefault = value.state.configs.filter(c => !c.isDefault);
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
      <Health live={value} />
      {value.drift.length > 0 ? (
        <Alert
          severity="warning"
          style={{ marginBottom: 16 }}
          aria-label="drift"
        >
          <Typography variant="subtitle2">
            The topic differs from this entity in {value.drift.length} place
            {value.drift.length === 1 ? '' : 's'}:
          </Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {value.drift.map(d => (
              <li key={d.field}>
                <code>{d.field}</code>: declared <code>{d.declared}</code>,
                actual <code>{d.actual}</code>
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert
          severity="success"
          style={{ marginBottom: 16 }}
          aria-label="drift"
        >
          The topic matches what this entity declares.
        </Alert>
      )}
      <Typography variant="subtitle2">Partitions</Typography>
      <Table size="small" aria-label="partitions">
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            <TableCell>Leader</TableCell>
            <TableCell>Replicas</TableCell>
            <TableCell>In sync</TableCell>
            <TableCell align="right">Earliest</TableCell>
            <TableCell align="right">Latest</TableCell>
            <TableCell align="right">Messages</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.state.partitions.map(p => (
            <TableRow key={p.partition}>
              <TableCell>{p.partition}</TableCell>
              <TableCell>
                {p.leader < 0 ? <strong>none</strong> : p.leader}
              </TableCell>
              <TableCell>{p.replicas.join(', ')}</TableCell>
              <TableCell
                style={
                  p.underReplicated
                    ? { color: '#a4261d', fontWeight: 600 }
                    : undefined
                }
              >
                {p.isr.join(', ')}
                {p.underReplicated && ' (under-replicated)'}
              </TableCell>
              <TableCell align="right">
                {p.earliestOffset.toLocaleString('en-US')}
              </TableCell>
              <TableCell align="right">
                {p.latestOffset.toLocaleString('en-US')}
              </TableCell>
              <TableCell align="right">
                {p.messages.toLocaleString('en-US')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box mt={2}>
        <Typography variant="subtitle2">Configs set on the topic</Typography>
        {nonDefault.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            All configs are broker defaults.
          </Typography>
        ) : (
          <Table size="small" aria-label="topic configs">
            <TableBody>
              {nonDefault.map(c => (
                <TableRow key={c.name}>
                  <TableCell>
                    <code>{c.name}</code>
                  </TableCell>
                  <TableCell>
                    <code>{c.isSensitive ? '(sensitive)' : c.value}</code>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
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
