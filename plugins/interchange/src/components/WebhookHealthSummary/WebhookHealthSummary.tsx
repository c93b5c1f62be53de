import { Box, Typography } from '@material-ui/core';
import type { EndpointHealth } from '@interchange/plugin-interchange-common';
import { HealthChip } from '../OutcomeChip';

const ms = (v?: number) => (v === undefined ? '–' : `${Math.round(v)} ms`);

/** Success rate and latency percentiles over the latest attempts. */
export function WebhookHealthSummary(props: { health: EndpointHealth }) {
  const { health } = props;
  if (!health.attempts) {
    return (
      <Box display="flex" alignItems="center" gridGap={8}>
        <HealthChip status="unknown" />
        <Typography variant="body2" color="textSecondary">
          No deliveries yet. Send a test event to check the endpoint.
        </Typography>
      </Box>
    );
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      gridGap={16}
      flexWrap="wrap"
      aria-label="endpoint health"
    >
      <HealthChip status={health.status} />
      <Typography variant="body2">
        {Math.round((health.successRate ?? 0) * 100)}% successful over the last{' '}
        {health.attempts} attempts
      </Typography>
      <Typography variant="body2" color="textSecondary">
        p50 {ms(health.p50Ms)} · p95 {ms(health.p95Ms)} · p99 {ms(health.p99Ms)}
      </Typography>
    </Box>
  );
}
