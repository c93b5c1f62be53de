import useAsync from 'react-use/esm/useAsync';
import { Typography } from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import { interchangeApiRef } from '../../api';

/** Total lag of a group over the last hours, as a small line. */
export function LagSparkline(props: {
  cluster: string;
  groupId: string;
  hours?: number;
}) {
  const api = useApi(interchangeApiRef);
  const { value, error } = useAsync(
    () =>
      api.getKafkaGroupTrend(props.cluster, props.groupId, props.hours ?? 6),
    [api, props.cluster, props.groupId],
  );
  if (error) {
    return (
      <Typography variant="caption" color="error">
        trend unavailable
      </Typography>
    );
  }
  if (!value || value.length < 2) {
    return (
      <Typography variant="caption" color="textSecondary">
        {value ? 'collecting…' : ''}
      </Typography>
    );
  }
  const width = 120;
  const height = 28;
  const t0 = value[0].timestamp;
  const t1 = value[value.length - 1].timestamp;
  const max = Math.max(1, ...value.map(v => v.totalLag));
  const points = value
    .map(v => {
      const x = ((v.timestamp - t0) / Math.max(1, t1 - t0)) * (width - 2) + 1;
      const y = height - 1 - (v.totalLag / max) * (height - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`lag trend, max ${max}`}
    >
      <polyline
        fill="none"
        stroke="#3f51b5"
        strokeWidth={1.5}
        points={points}
      />
    </svg>
  );
}
