import useAsync from 'react-use/esm/useAsync';
import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EndpointHealth,
  isWebhookEntity,
  WEBHOOK_KIND,
  WebhookEntityV1alpha1,
} from '@interchange/plugin-interchange-common';
import { interchangeApiRef } from '../../api';
import { HealthChip } from '../OutcomeChip';
import { LIST_TABLE_OPTIONS, ListPage } from '../ListPage';

type Row = {
  id: string;
  entity: WebhookEntityV1alpha1;
  owner: string;
  endpoint: string;
  scheme: string;
  status: EndpointHealth['status'];
  health: EndpointHealth;
};

const columns: TableColumn<Row>[] = [
  {
    title: 'Webhook',
    field: 'id',
    render: r => <EntityRefLink entityRef={r.entity} />,
  },
  { title: 'Owner', field: 'owner' },
  { title: 'Endpoint', field: 'endpoint' },
  { title: 'Signing', field: 'scheme' },
  {
    title: 'Health',
    field: 'status',
    lookup: {
      healthy: 'healthy',
      degraded: 'degraded',
      failing: 'failing',
      unknown: 'unknown',
    },
    render: r => <HealthChip status={r.status} />,
  },
  {
    title: 'Success',
    render: r =>
      r.health.successRate === undefined
        ? '–'
        : `${Math.round(r.health.successRate * 100)}% of ${r.health.attempts}`,
    customSort: (a, b) =>
      (a.health.successRate ?? 2) - (b.health.successRate ?? 2),
  },
  {
    title: 'p95',
    render: r => (r.health.p95Ms === undefined ? '–' : `${r.health.p95Ms} ms`),
  },
];

/**
 * Every Webhook entity with its endpoint health, failing ones first; filter
 * by owner or health.
 *
 * @public
 */
export function WebhooksPage() {
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(interchangeApiRef);
  const { value, loading, error } = useAsync(async () => {
    const [{ items }, health] = await Promise.all([
      catalogApi.getEntities({ filter: { kind: WEBHOOK_KIND } }),
      api.getWebhooksHealth(),
    ]);
    const byRef = new Map(health.map(h => [h.entityRef, h.health]));
    const order = { failing: 0, degraded: 1, healthy: 2, unknown: 3 };
    return items
      .filter(isWebhookEntity)
      .map(entity => {
        const ref = stringifyEntityRef(entity);
        const h = byRef.get(ref) ?? { status: 'unknown' as const, attempts: 0 };
        return {
          id: ref,
          entity,
          owner: entity.spec.owner,
          endpoint: entity.spec.url ?? `received by ${entity.spec.receiver}`,
          scheme: entity.spec.signing.scheme,
          status: h.status,
          health: h,
        };
      })
      .sort(
        (a, b) => order[a.status] - order[b.status] || a.id.localeCompare(b.id),
      );
  }, [catalogApi, api]);

  return (
    <ListPage
      title="Webhooks"
      subtitle="Every webhook, with the health of its endpoint"
      contentTitle="All webhooks"
      support="Health comes from the delivery log: test events, redeliveries and deliveries received by this portal."
      error={error}
      errorTitle="Could not read the webhooks"
    >
      <Table<Row>
        isLoading={loading}
        columns={columns}
        data={value ?? []}
        title={`${value?.length ?? 0} webhooks`}
        options={LIST_TABLE_OPTIONS}
      />
    </ListPage>
  );
}
