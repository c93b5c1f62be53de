import useAsync from 'react-use/esm/useAsync';
import { Typography } from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  GATEWAY_ROUTE_KIND,
  isGatewayRouteEntity,
} from '@interchange/plugin-interchange-common';
import { RoutesTable, toRouteRow } from '../RoutesTable';
import { InterchangeErrorPanel } from '../InterchangeErrorPanel';

/**
 * The gateway routes that reach a component (`routesTo`) or expose an API
 * (`exposes`). For component and API pages.
 *
 * @public
 */
export function EntityRoutesCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const ref = stringifyEntityRef(entity);
  const relation =
    entity.kind.toLocaleLowerCase('en-US') === 'api' ? 'exposes' : 'routesTo';
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: GATEWAY_ROUTE_KIND, [`relations.${relation}`]: ref },
    });
    return items.filter(isGatewayRouteEntity).map(toRouteRow);
  }, [catalogApi, ref, relation]);
  if (error) {
    return (
      <InterchangeErrorPanel
        title="Could not read the gateway routes from the catalog"
        error={error}
      />
    );
  }
  if (!loading && !value?.length) {
    return (
      <InfoCard title="Routes">
        <Typography variant="body2" color="textSecondary">
          No gateway route{' '}
          {relation === 'exposes'
            ? 'exposes this API'
            : 'reaches this component'}
          .
        </Typography>
      </InfoCard>
    );
  }
  return (
    <RoutesTable
      rows={value ?? []}
      loading={loading}
      title="Routes"
      paging={false}
    />
  );
}
