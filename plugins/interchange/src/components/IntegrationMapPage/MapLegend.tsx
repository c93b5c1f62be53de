import { Box, Typography } from '@material-ui/core';
import {
  ALL_STYLES,
  SEVERITY_COLORS,
  STYLE_COLORS,
  STYLE_LABELS,
} from './mapStyles';

function Line({ color, dashed }: { color: string; dashed?: boolean }) {
  return (
    <svg width="28" height="8" aria-hidden style={{ marginRight: 6 }}>
      <line
        x1="0"
        y1="4"
        x2="28"
        y2="4"
        stroke={color}
        strokeWidth="3"
        strokeDasharray={dashed ? '6 4' : undefined}
      />
    </svg>
  );
}

/** Edge colours by style, dashed for asynchronous flows, finding marks. */
export function MapLegend() {
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      data-testid="map-legend"
      style={{ gap: 16 }}
    >
      {ALL_STYLES.map(style => (
        <Box key={style} display="flex" alignItems="center">
          <Line
            color={STYLE_COLORS[style]}
            dashed={style === 'event' || style === 'webhook'}
          />
          <Typography variant="caption">{STYLE_LABELS[style]}</Typography>
        </Box>
      ))}
      <Typography variant="caption" color="textSecondary">
        dashed: asynchronous · solid: synchronous
      </Typography>
      {(['error', 'warning', 'info'] as const).map(s => (
        <Box key={s} display="flex" alignItems="center">
          <span
            style={{
              display: 'inline-block',
              width: 12,
              height: 12,
              borderRadius: 6,
              background: SEVERITY_COLORS[s],
              marginRight: 4,
            }}
          />
          <Typography variant="caption">finding: {s}</Typography>
        </Box>
      ))}
    </Box>
  );
}
