import { Chip, Tooltip } from '@material-ui/core';
import type { LagStatus } from '@interchange/plugin-interchange-common';

const COLORS: Record<LagStatus, { background: string; color: string }> = {
  OK: { background: '#e6f4ea', color: '#1e6b34' },
  WARNING: { background: '#fff4e5', color: '#8a5300' },
  STALLED: { background: '#fdecea', color: '#a4261d' },
  STOPPED: { background: '#fdecea', color: '#a4261d' },
  ERROR: { background: '#a4261d', color: '#ffffff' },
};

/** A consumer group's health, with the reason on hover. */
export function LagStatusChip(props: { status?: LagStatus; reason?: string }) {
  if (!props.status) {
    return (
      <Tooltip title="No lag samples yet: health needs at least one sampling run">
        <Chip size="small" label="NO DATA" variant="outlined" />
      </Tooltip>
    );
  }
  return (
    <Tooltip title={props.reason ?? ''}>
      <Chip
        size="small"
        label={props.status}
        style={COLORS[props.status]}
        aria-label={`status ${props.status}`}
      />
    </Tooltip>
  );
}
