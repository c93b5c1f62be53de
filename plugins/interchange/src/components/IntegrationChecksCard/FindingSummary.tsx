import { Box, Typography } from '@material-ui/core';
import type { IntegrationCheckFinding } from '../../api';
import { formatTime } from './formatTime';
import { SeverityChip } from './SeverityChip';

/** One finding as a list item: severity, rule id, message, fix, first seen. */
export function FindingSummary(props: { finding: IntegrationCheckFinding }) {
  const f = props.finding;
  const expired = f.details?.expiredException as
    | { reason?: string; expires?: string; on?: string }
    | undefined;
  return (
    <Box py={1} data-testid="finding" data-rule={f.rule}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <SeverityChip severity={f.severity} />
        <Typography variant="subtitle2" component="code">
          {f.rule}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          since {formatTime(f.firstSeen)}
        </Typography>
      </Box>
      <Typography variant="body2">{f.message}</Typography>
      <Typography variant="body2" color="textSecondary">
        <strong>Fix:</strong> {f.fix}
      </Typography>
      {expired ? (
        <Typography variant="body2" color="textSecondary">
          An exception for this rule expired on {expired.expires} (
          {expired.reason}).
        </Typography>
      ) : null}
    </Box>
  );
}
