import { Typography } from '@material-ui/core';
import { Sparkline } from '../Sparkline';

/** A destination's sampled depth over time, as a small line. */
export function DepthSparkline(props: {
  points: { timestamp: number; depth: number }[];
}) {
  const { points } = props;
  if (points.length < 2) {
    return (
      <Typography variant="caption" color="textSecondary">
        collecting depth samples…
      </Typography>
    );
  }
  return (
    <Sparkline
      points={points.map(p => ({ timestamp: p.timestamp, value: p.depth }))}
      width={160}
      height={32}
      label={`depth trend: ${points[0].depth} to ${
        points[points.length - 1].depth
      } messages`}
      stroke="#1f5493"
    />
  );
}
