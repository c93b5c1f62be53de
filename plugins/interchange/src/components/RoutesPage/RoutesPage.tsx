import useAsync from 'react-use/esm/useAsync';
import { Button } from '@material-ui/core';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  GATEWAY_ROUTE_KIND,
  isGatewayRouteEntity,
} from '@interchange/plugin-interchange-common';
import { RoutesTable, routesToCsv, toRouteRow } from '../RoutesTable';
import { ListPage } from '../ListPage';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * The org-wide route inventory: every GatewayRoute of every gateway, with
 * its upstream component, owner, authentication and exposure; filter,
 * search and CSV export.
 *
 * @public
 */
export function RoutesPage() {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: GATEWAY_ROUTE_KIND },
    });
    return items
      .filter(isGatewayRouteEntity)
      .map(toRouteRow)
      .sort(
        (a, b) =>
          a.gateway.localeCompare(b.gateway) || a.paths.localeCompare(b.paths),
      );
  }, [catalogApi]);
  return (
    <ListPage
      title="Routes"
      subtitle="Every route of every gateway, and who serves it"
      contentTitle="Route inventory"
      actions={
        <Button
          variant="outlined"
          disabled={!value?.length}
          onClick={() => download('routes.csv', routesToCsv(value ?? []))}
        >
          Export CSV
        </Button>
      }
      support="Routes declared in catalog files and ingested from gateway configuration (files and Kong). Filter by any column; Drift counts the differences between a route's file and the live gateway."
      error={error}
      errorTitle="Could not read the gateway routes from the catalog"
    >
      <RoutesTable
        rows={value ?? []}
        loading={loading}
        title={`${value?.length ?? 0} routes`}
      />
    </ListPage>
  );
}
