import { Chip } from '@material-ui/core';
import type { IntegrationCheckSeverity } from '../../api';

const colours: Record<
  IntegrationCheckSeverity,
  { background: string; color: string }
> = {
  error: { background: '#fdecea', color: '#a4261d' },
  warning: { background: '#fff4e5', color: '#8a5300' },
  info: { background: '#e8f4fd', color: '#0b5394' },
};

/** A finding's severity, coloured (the word is always shown, never colour alone). */
export function SeverityChip(props: { severity: IntegrationCheckSeverity }) {
  return (
    <Chip size="small" label={props.severity} style={colours[props.severity]} />
  );
}
