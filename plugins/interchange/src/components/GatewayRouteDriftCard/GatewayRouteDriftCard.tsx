import {
  Box,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_ROUTE_LOCATION,
  ANNOTATION_ROUTE_SOURCE,
  ANNOTATION_UPSTREAM_UNMATCHED,
} from '@interchange/plugin-interchange-common';
import { routeDrift } from '../RoutesTable';

/**
 * Where an ingested route comes from (a configuration file or the live
 * gateway) and how the file and the gateway differ.
 *
 * @public
 */
export function GatewayRouteDriftCard() {
  const { entity } = useEntity();
  const annotations = entity.metadata.annotations ?? {};
  const source = annotations[ANNOTATION_ROUTE_SOURCE];
  const drift = routeDrift(entity);
  return (
    <InfoCard title="Gateway configuration">
      <Typography variant="body2" paragraph>
        {source
          ? `Ingested from ${source}${
              annotations[ANNOTATION_ROUTE_LOCATION]
                ? ` (${annotations[ANNOTATION_ROUTE_LOCATION]})`
                : ''
            }.`
          : 'Declared in a catalog file, not ingested from gateway configuration.'}
      </Typography>
      {annotations[ANNOTATION_UPSTREAM_UNMATCHED] === 'true' && (
        <Typography variant="body2" color="error" paragraph>
          No component serves this route's upstream. Add the upstream host to
          the serving component's interchange.dev/upstream-hosts annotation.
        </Typography>
      )}
      {drift === undefined && (
        <Typography variant="body2" color="textSecondary">
          No drift information: drift is computed for gateways that have both
          configuration files and a live Admin API.
        </Typography>
      )}
      {drift?.length === 0 && (
        <Typography variant="body2" aria-label="drift">
          The live gateway matches the configuration file.
        </Typography>
      )}
      {drift && drift.length > 0 && (
        <Box aria-label="drift">
          <Typography variant="subtitle2">
            {drift.length} difference{drift.length === 1 ? '' : 's'} between the
            file and the live gateway
          </Typography>
          <List dense>
            {drift.map(d => (
              <ListItem key={d.field}>
                <ListItemText
                  primary={d.message}
                  secondary={`declared: ${d.declared} · live: ${d.actual}`}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </InfoCard>
  );
}
