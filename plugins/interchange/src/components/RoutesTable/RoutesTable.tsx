import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { RouteRow } from './routeRows';

export const routeColumns: TableColumn<RouteRow>[] = [
  {
    title: 'Route',
    field: 'id',
    render: r => <EntityRefLink entityRef={r.entity} />,
  },
  { title: 'Gateway', field: 'gateway' },
  { title: 'Hosts', field: 'hosts' },
  { title: 'Paths', field: 'paths' },
  { title: 'Methods', field: 'methods' },
  { title: 'Upstream', field: 'upstream' },
  { title: 'Owner', field: 'owner' },
  { title: 'Auth', field: 'authentication' },
  { title: 'Exposure', field: 'exposure' },
  { title: 'Drift', field: 'drift', type: 'numeric' },
];

export function RoutesTable(props: {
  rows: RouteRow[];
  loading?: boolean;
  title: string;
  paging?: boolean;
}) {
  return (
    <Table<RouteRow>
      isLoading={props.loading}
      columns={routeColumns}
      data={props.rows}
      title={props.title}
      options={{
        paging: props.paging ?? true,
        pageSize: 20,
        search: true,
        filtering: props.paging ?? true,
        padding: 'dense',
      }}
    />
  );
}
