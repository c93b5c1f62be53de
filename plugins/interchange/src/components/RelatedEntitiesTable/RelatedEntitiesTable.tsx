import useAsync from 'react-use/esm/useAsync';
import { Typography } from '@material-ui/core';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  getKafkaTopicName,
  isGatewayRouteEntity,
  isKafkaTopicEntity,
  isWebhookEntity,
} from '@interchange/plugin-interchange-common';
import { Refs } from '../Refs';
import { InterchangeErrorPanel } from '../InterchangeErrorPanel';
import { SimpleColumn, SimpleTable } from '../SimpleTable';

/** One group of relations to show, e.g. "Produces to" = producesTo. */
export interface RelationGroup {
  title: string;
  type: string;
  /** Only targets of this kind (e.g. producesTo a KafkaTopic vs a Webhook). */
  kind?: string;
}

/** What a reader needs to recognise an integration at a glance. */
function detail(entity: Entity | undefined): string {
  if (!entity) {
    return '';
  }
  if (isKafkaTopicEntity(entity)) {
    return `${entity.spec.cluster} / ${getKafkaTopicName(entity)}`;
  }
  if (isGatewayRouteEntity(entity)) {
    return `${entity.spec.methods?.join(' ') ?? 'ANY'} ${entity.spec.paths.join(
      ', ',
    )} on ${entity.spec.gateway}`;
  }
  if (isWebhookEntity(entity)) {
    return `${entity.spec.events.join(', ')} (${
      entity.spec.signing?.scheme === 'none'
        ? 'unsigned'
        : entity.spec.signing?.scheme
    })`;
  }
  return entity.metadata.description ?? '';
}

type Row = { group: string; ref: string; target?: Entity };

const COLUMNS: SimpleColumn<Row>[] = [
  { title: 'Relation', cell: row => row.group },
  {
    title: 'Entity',
    cell: row => (
      <>
        <EntityRefLink entityRef={row.ref} />
        {!row.target && (
          <Typography variant="caption" color="error" display="block">
            not in the catalog
          </Typography>
        )}
      </>
    ),
  },
  { title: 'Details', cell: row => detail(row.target) },
  {
    title: 'Owner',
    cell: row => (
      <Refs
        refs={(row.target?.spec as { owner?: string } | undefined)?.owner}
        defaultKind="Group"
        namespace={row.target?.metadata.namespace}
      />
    ),
  },
];

/**
 * The entities related to `entity` through the given relation groups, in one
 * table with one catalog request for all of them.
 */
export function RelatedEntitiesTable(props: {
  entity: Entity;
  groups: RelationGroup[];
  emptyText: string;
}) {
  const catalogApi = useApi(catalogApiRef);
  const rows = props.groups.flatMap(group =>
    (props.entity.relations ?? [])
      .filter(r => r.type === group.type)
      .filter(
        r =>
          !group.kind ||
          parseEntityRef(r.targetRef).kind.toLocaleLowerCase('en-US') ===
            group.kind.toLocaleLowerCase('en-US'),
      )
      .map(r => ({ group: group.title, ref: r.targetRef })),
  );
  const refs = [...new Set(rows.map(r => r.ref))];
  const { value, loading, error } = useAsync(async () => {
    if (refs.length === 0) {
      return new Map<string, Entity>();
    }
    const { items } = await catalogApi.getEntitiesByRefs({ entityRefs: refs });
    return new Map(items.flatMap((e, i) => (e ? [[refs[i], e] as const] : [])));
  }, [refs.join(',')]);

  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.emptyText}
      </Typography>
    );
  }
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <InterchangeErrorPanel
        title="Could not read the related entities from the catalog"
        error={error}
      />
    );
  }
  return (
    <SimpleTable
      columns={COLUMNS}
      rows={rows.map(row => ({ ...row, target: value?.get(row.ref) }))}
      rowKey={row => `${row.group}|${row.ref}`}
    />
  );
}
