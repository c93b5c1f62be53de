import { Typography } from '@material-ui/core';
import { formatTime } from '../IntegrationChecksCard/formatTime';
import { formatDuration } from '../KafkaConsumerGroupsCard/formatDuration';

/**
 * "Unreachable since 2026-05-01 10:00 UTC (12m 5s ago)": how long a Kafka
 * cluster or RabbitMQ broker has been down, from the backend's
 * `unreachableSince` (when it first failed to answer; sampling counts too).
 */
export function UnreachableSince(props: { since?: string; now?: number }) {
  if (!props.since) {
    return null;
  }
  const at = Date.parse(props.since);
  const ago = Number.isNaN(at)
    ? ''
    : ` (${formatDuration(Math.max(0, (props.now ?? Date.now()) - at))} ago)`;
  return (
    <Typography variant="body2" paragraph>
      <strong>Unreachable since {formatTime(props.since)}</strong>
      {ago}
    </Typography>
  );
}
