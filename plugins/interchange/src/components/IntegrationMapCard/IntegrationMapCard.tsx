import { useMemo, useState } from 'react';
import { Box, Typography } from '@material-ui/core';
import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useMapLink } from '../../map/useMapLink';
import {
  buildMapModel,
  NO_FILTERS,
} from '@interchange/plugin-interchange-common';
import { useFocus, useMapData } from '../../map/useMapData';
import { InterchangeErrorPanel } from '../InterchangeErrorPanel';
import { MapCanvas, MapSelection } from '../IntegrationMapPage/MapCanvas';
import { MapDetails } from '../IntegrationMapPage/MapDetails';

const DEPTH = 2;

/**
 * The entity's 2-hop neighbourhood on the integration map: what depends on
 * it and what it depends on, with findings marked. For components, systems
 * and the integration kinds.
 */
export function IntegrationMapCard(props: { title?: string }) {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const mapLink = useMapLink(entityRef, DEPTH);
  const data = useMapData();
  const focus = useFocus(data.value?.graph, entityRef, DEPTH);
  const [selection, setSelection] = useState<MapSelection>();
  const model = useMemo(
    () =>
      data.value && focus.value
        ? buildMapModel(data.value.graph, {
            collapseIntegrations: false,
            filters: NO_FILTERS,
            findings: data.value.findings,
            focus: focus.value.set,
          })
        : undefined,
    [data.value, focus.value],
  );

  let content;
  if (data.loading || focus.loading) {
    content = <Progress />;
  } else if (data.error || focus.error) {
    content = (
      <InterchangeErrorPanel
        title="Could not read the integrations around this entity"
        error={(data.error ?? focus.error)!}
      />
    );
  } else if (
    !model ||
    model.nodes.filter(n => n.type !== 'group').length <= 1
  ) {
    content = (
      <Typography variant="body2" color="textSecondary">
        Nothing depends on this entity and it depends on nothing, within {DEPTH}{' '}
        hops.
      </Typography>
    );
  } else {
    content = (
      <>
        <MapCanvas
          model={model}
          selection={selection}
          onSelect={setSelection}
          height={420}
        />
        {selection && data.value ? (
          <Box mt={1}>
            <MapDetails
              selection={selection}
              model={model}
              graph={data.value.graph}
            />
          </Box>
        ) : null}
      </>
    );
  }
  return (
    <InfoCard
      title={props.title ?? 'Integration map'}
      subheader={`What depends on it and what it depends on, ${DEPTH} hops`}
      deepLink={
        mapLink
          ? { title: 'Open on the integration map', link: mapLink }
          : undefined
      }
    >
      {content}
      {focus.value?.source === 'browser' ? (
        <Typography variant="caption" color="textSecondary">
          Computed in the browser: the impact API answered an error (
          {focus.value.apiError?.message}).
        </Typography>
      ) : null}
    </InfoCard>
  );
}
