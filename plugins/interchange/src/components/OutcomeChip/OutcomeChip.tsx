import { Chip } from '@material-ui/core';
import type {
  EndpointHealthStatus,
  WebhookDelivery,
} from '@interchange/plugin-interchange-common';

const GOOD = { background: '#e6f4ea', color: '#1e6b34' };
const WARN = { background: '#fff4e5', color: '#8a5300' };
const BAD = { background: '#fdecea', color: '#a4261d' };

const OUTCOME: Record<WebhookDelivery['outcome'], typeof GOOD> = {
  delivered: GOOD,
  received: GOOD,
  failed: BAD,
  refused: BAD,
  rejected: WARN,
};

const HEALTH: Record<EndpointHealthStatus, typeof GOOD | undefined> = {
  healthy: GOOD,
  degraded: WARN,
  failing: BAD,
  unknown: undefined,
};

/** How one attempt ended. */
export function OutcomeChip(props: { outcome: WebhookDelivery['outcome'] }) {
  return (
    <Chip
      size="small"
      label={props.outcome}
      style={OUTCOME[props.outcome]}
      aria-label={`outcome ${props.outcome}`}
    />
  );
}

/** An endpoint's health verdict. */
export function HealthChip(props: { status: EndpointHealthStatus }) {
  return (
    <Chip
      size="small"
      label={props.status}
      variant={props.status === 'unknown' ? 'outlined' : 'default'}
      style={HEALTH[props.status]}
      aria-label={`health ${props.status}`}
    />
  );
}
