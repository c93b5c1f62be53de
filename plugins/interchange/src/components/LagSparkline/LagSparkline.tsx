import useAsync from 'react-use/esm/useAsync';
import { Typography } from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import { interchangeApiRef } from '../../api';
import { Sparkline } from '../Sparkline';

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
  const max = Math.max(1, ...value.map(v => v.totalLag));
  return (
    <Sparkline
      points={value.map(v => ({ timestamp: v.timestamp, value: v.totalLag }))}
      width={120}
      height={28}
      label={`lag trend, max ${max}`}
      stroke="#3f51b5"
    />
  );
}
