import { Chip } from '@material-ui/core';

/** Short values (methods, events, hosts) as chips. */
export function Chips(props: { values?: string[]; mono?: boolean }) {
  if (!props.values || props.values.length === 0) {
    return null;
  }
  return (
    <>
      {props.values.map(v => (
        <Chip
          key={v}
          label={v}
          size="small"
          variant="outlined"
          style={props.mono ? { fontFamily: 'monospace' } : undefined}
        />
      ))}
    </>
  );
}
