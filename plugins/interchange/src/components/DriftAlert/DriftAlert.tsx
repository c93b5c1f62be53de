import { Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';

/** One field where the live resource differs from its entity. */
export interface DriftItem {
  field: string;
  declared: string;
  actual: string;
}

/**
 * Where a live resource (a topic, a queue) differs from what its entity
 * declares, field by field, or that it matches.
 */
export function DriftAlert(props: {
  /** What the resource is called in the sentence, e.g. "topic". */
  noun: string;
  drift: DriftItem[];
}) {
  const { noun, drift } = props;
  if (drift.length === 0) {
    return (
      <Alert severity="success" style={{ marginBottom: 16 }} aria-label="drift">
        The {noun} matches what this entity declares.
      </Alert>
    );
  }
  return (
    <Alert severity="warning" style={{ marginBottom: 16 }} aria-label="drift">
      <Typography variant="subtitle2">
        The {noun} differs from this entity in {drift.length} place
        {drift.length === 1 ? '' : 's'}:
      </Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {drift.map(d => (
          <li key={d.field}>
            <code>{d.field}</code>: declared <code>{d.declared}</code>, actual{' '}
            <code>{d.actual}</code>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
