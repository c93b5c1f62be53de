import { Box, Chip } from '@material-ui/core';

/** A figure of a live resource; `bad` ones are shown in red. */
export type Stat = string | { label: string; bad?: boolean };

/** A live resource's figures (partitions, depth, rates) as a row of chips. */
export function StatChips(props: { stats: Stat[] }) {
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={2}>
      {props.stats.map(s => {
        const { label, bad } =
          typeof s === 'string' ? { label: s, bad: false } : s;
        return (
          <Chip
            key={label}
            size="small"
            label={label}
            style={
              bad ? { background: '#fdecea', color: '#a4261d' } : undefined
            }
          />
        );
      })}
    </Box>
  );
}
