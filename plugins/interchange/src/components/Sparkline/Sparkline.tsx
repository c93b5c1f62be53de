/** A series over time as a small line: lag, depth, ... */
export function Sparkline(props: {
  points: { timestamp: number; value: number }[];
  width: number;
  height: number;
  /** What a screen reader says, e.g. "lag trend, max 42". */
  label: string;
  stroke: string;
}) {
  const { points, width, height } = props;
  const t0 = points[0].timestamp;
  const t1 = points[points.length - 1].timestamp;
  const max = Math.max(1, ...points.map(p => p.value));
  const line = points
    .map(p => {
      const x = ((p.timestamp - t0) / Math.max(1, t1 - t0)) * (width - 2) + 1;
      const y = height - 1 - (p.value / max) * (height - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg width={width} height={height} role="img" aria-label={props.label}>
      <polyline
        fill="none"
        stroke={props.stroke}
        strokeWidth={1.5}
        points={line}
      />
    </svg>
  );
}
