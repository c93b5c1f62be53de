import { Box, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  getRabbitMQQueueName,
  getRabbitMQVhost,
  isRabbitMQQueueEntity,
  LagStatus,
} from '@interchange/plugin-interchange-common';
import { RabbitMQQueueDetail } from '../../api';
import { DriftAlert } from '../DriftAlert';
import { EntityDataCard } from '../EntityDataCard';
import { LagStatusChip } from '../LagStatusChip';
import { SimpleColumn, SimpleTable } from '../SimpleTable';
import { StatChips } from '../StatChips';
import { DepthSparkline } from './DepthSparkline';

const rate = (v?: number) => (v === undefined ? 'n/a' : `${v.toFixed(1)}/s`);

function drainTime(seconds: number | null): string {
  if (seconds === null) {
    return 'not draining';
  }
  if (seconds < 90) {
    return `${seconds} s`;
  }
  if (seconds < 5400) {
    return `${Math.round(seconds / 60)} min`;
  }
  return `${(seconds / 3600).toFixed(1)} h`;
}

type Binding = RabbitMQQueueDetail['bindings'][number];

const BINDING_COLUMNS: SimpleColumn<Binding>[] = [
  { title: 'Exchange', cell: b => <code>{b.source}</code> },
  { title: 'Routing key', cell: b => <code>{b.routingKey || '(empty)'}</code> },
];

function QueueState(props: { value: RabbitMQQueueDetail }) {
  const { value } = props;
  const q = value.queue!;
  const chips = [
    `${q.type}`,
    `${q.messagesReady.toLocaleString('en-US')} ready`,
    `${q.messagesUnacknowledged.toLocaleString('en-US')} unacked`,
    `${q.consumers} consumer${q.consumers === 1 ? '' : 's'}`,
    `utilisation ${
      q.consumerUtilisation === null
        ? 'unknown'
        : `${Math.round(q.consumerUtilisation * 100)}%`
    }`,
    `publish ${rate(q.publishRate)}`,
    `deliver ${rate(q.deliverRate)}`,
    `ack ${rate(q.ackRate)}`,
    `drains in ${drainTime(q.timeToDrainSeconds)}`,
  ];
  return (
    <>
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
        <LagStatusChip status={q.status as LagStatus} reason={q.statusReason} />
        <Typography variant="body2">
          <code>{q.name}</code> in vhost <code>{q.vhost}</code> on{' '}
          <Link to={value.broker.dashboardUrl}>{value.broker.title}</Link>
          {q.node ? ` (node ${q.node}${q.state ? `, ${q.state}` : ''})` : ''}
        </Typography>
      </Box>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {q.statusReason}
        {q.statsPending
          ? ' (the broker reports no counts for this queue: it is down or still starting)'
          : ''}
      </Typography>
      <StatChips stats={chips} />
      <Box mb={2}>
        <Typography variant="subtitle2">Depth, last 6 hours</Typography>
        <DepthSparkline points={value.history} />
      </Box>
      {value.drift && <DriftAlert noun="queue" drift={value.drift} />}
      <Typography variant="subtitle2">Bindings</Typography>
      {value.bindings.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Not bound to any exchange (only reachable through the default exchange
          by its name).
        </Typography>
      ) : (
        <SimpleTable
          label="bindings"
          columns={BINDING_COLUMNS}
          rows={value.bindings}
          rowKey={b => `${b.source} ${b.routingKey}`}
        />
      )}
    </>
  );
}

const hints = {
  404: "Check this entity's spec.broker against the brokers under interchange.rabbitmq.brokers in app-config.yaml, then refresh.",
  503: "The RabbitMQ broker's management API did not answer. Check that it runs, that the rabbitmq_management plugin is enabled and that interchange.rabbitmq.brokers[].managementUrl and credentials are right, then refresh.",
};

/**
 * A RabbitMQQueue's live state: depth, consumers, rates, status with time to
 * drain, depth trend, bindings, and the drift from what the entity declares.
 *
 * @public
 */
export function RabbitMQQueueCard(props: { title?: string }) {
  const { entity } = useEntity();
  if (!isRabbitMQQueueEntity(entity)) {
    return null;
  }
  const broker = entity.spec.broker;
  const vhost = getRabbitMQVhost(entity);
  const queue = getRabbitMQQueueName(entity);
  return (
    <EntityDataCard
      title={props.title ?? 'Live state'}
      subject="queue state"
      failure="Could not read the queue's live state"
      hints={hints}
      load={api => api.getRabbitMQQueue(broker, vhost, queue)}
      isEmpty={value => !value.exists}
      empty={() => (
        <Alert severity="warning">
          Queue <code>{queue}</code> does not exist in vhost{' '}
          <code>{vhost}</code> on broker {broker}. Declare it (the "New RabbitMQ
          queue" template does), or correct this entity's spec.queueName /
          spec.vhost.
        </Alert>
      )}
    >
      {value => <QueueState value={value} />}
    </EntityDataCard>
  );
}
