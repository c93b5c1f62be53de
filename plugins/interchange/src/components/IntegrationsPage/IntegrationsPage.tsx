import useAsync from 'react-use/esm/useAsync';
import { Table, TableColumn } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import {
  getKafkaTopicName,
  INTERCHANGE_KINDS,
  isGatewayRouteEntity,
  isKafkaTopicEntity,
  isWebhookEntity,
} from '@interchange/plugin-interchange-common';
import { Refs } from '../Refs';
import { CatalogProblemsPanel } from '../CatalogProblemsPanel';
import { LIST_TABLE_OPTIONS, ListPage } from '../ListPage';
import ChecksIcon from '@material-ui/icons/PlaylistAddCheck';
import DescriptionIcon from '@material-ui/icons/Description';
import MapIcon from '@material-ui/icons/Map';
import { checksRouteRef, mapRouteRef, strategyRouteRef } from '../../routes';
import { PageLinkButton } from '../PageLinkButton';

type Row = {
  id: string;
  entity: Entity;
  kind: string;
  name: string;
  where: string;
  what: string;
  owner: string;
};

function toRow(entity: Entity): Row {
  let where = '';
  let what = '';
  if (isKafkaTopicEntity(entity)) {
    where = entity.spec.cluster;
    what = getKafkaTopicName(entity);
  } else if (isGatewayRouteEntity(entity)) {
    where = [entity.spec.gateway, ...(entity.spec.hosts ?? [])].join(' · ');
    what = `${entity.spec.methods?.join(' ') ?? 'ANY'} ${entity.spec.paths.join(
      ', ',
    )}`;
  } else if (isWebhookEntity(entity)) {
    where = entity.spec.url ?? entity.spec.receiver ?? '';
    what = entity.spec.events.join(', ');
  }
  return {
    id: `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
      entity.metadata.name
    }`,
    entity,
    kind: entity.kind,
    name: entity.metadata.title ?? entity.metadata.name,
    where,
    what,
    owner: String((entity.spec as { owner?: string })?.owner ?? ''),
  };
}

const columns: TableColumn<Row>[] = [
  {
    title: 'Kind',
    field: 'kind',
    lookup: Object.fromEntries(INTERCHANGE_KINDS.map(k => [k, k])) as any,
  },
  {
    title: 'Name',
    field: 'name',
    highlight: true,
    render: row => <EntityRefLink entityRef={row.entity} />,
  },
  { title: 'Cluster / gateway / endpoint', field: 'where' },
  { title: 'Topic / route / events', field: 'what' },
  {
    title: 'Owner',
    field: 'owner',
    render: row => (
      <Refs
        refs={row.owner}
        defaultKind="Group"
        namespace={row.entity.metadata.namespace}
      />
    ),
  },
];

/**
 * Every Kafka topic, gateway route and webhook in the catalog, in one
 * searchable, filterable table.
 *
 * @public
 */
export function IntegrationsPage() {
  const catalogApi = useApi(catalogApiRef);
  const orgName = useApi(configApiRef).getOptionalString('organization.name');
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: INTERCHANGE_KINDS.map(kind => ({ kind })),
    });
    // The catalog returns entities in no particular order; a stable order
    // keeps the table from reshuffling between visits.
    return items
      .map(toRow)
      .sort(
        (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
      );
  }, [catalogApi]);

  return (
    <ListPage
      title="Integrations"
      subtitle={`Kafka topics, gateway routes and webhooks${
        orgName ? ` at ${orgName}` : ''
      }`}
      contentTitle="All integrations"
      actions={
        <>
          <PageLinkButton
            routeRef={mapRouteRef}
            icon={<MapIcon />}
            title="Integration map"
          />
          <PageLinkButton
            routeRef={strategyRouteRef}
            icon={<DescriptionIcon />}
            title="Integration strategy"
          />
          <PageLinkButton
            routeRef={checksRouteRef}
            icon={<ChecksIcon />}
            title="Integration checks"
          />
        </>
      }
      support="Every KafkaTopic, GatewayRoute and Webhook entity in the catalog. Filter by kind, search by name, cluster, gateway or owner."
      banner={<CatalogProblemsPanel />}
      error={error}
      errorTitle="Could not read topics, routes and webhooks from the catalog"
    >
      <Table<Row>
        isLoading={loading}
        columns={columns}
        data={value ?? []}
        options={LIST_TABLE_OPTIONS}
        title={`${value?.length ?? 0} integrations`}
      />
    </ListPage>
  );
}
