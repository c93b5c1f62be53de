import { Typography } from '@material-ui/core';

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
  const width = 160;
  const height = 32;
  const t0 = points[0].timestamp;
  const t1 = points[points.length - 1].timestamp;
  const max = Math.max(1, ...points.map(p => p.depth));
  const line = points
    .map(p => {
      const x = ((p.timestamp - t0) / Math.max(1, t1 - t0)) * (width - 2) + 1;
      const y = height - 1 - (p.depth / max) * (height - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`depth trend: ${points[0].depth} to ${
        points[points.length - 1].depth
      } messages`}
    >
      <polyline points={line} fill="none" stroke="#1f5493" strokeWidth={1.5} />
    </svg>
  );
}
