import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  RELATION_CONSUMED_BY,
  RELATION_DESCRIBED_BY,
  RELATION_EXPOSES,
  RELATION_PRODUCED_BY,
  RELATION_ROUTES_TO,
} from '@interchange/plugin-interchange-common';
import { RelatedEntitiesTable } from '../RelatedEntitiesTable';

/**
 * Who is on each end of a topic, route or webhook, as the catalog resolved it:
 * relations declared by the entity itself and by the components that point
 * at it.
 *
 * @public
 */
export function InterchangeRelationsCard(props: { title?: string }) {
  const { entity } = useEntity();
  return (
    <InfoCard title={props.title ?? 'Producers and consumers'}>
      <RelatedEntitiesTable
        entity={entity}
        emptyText="Nobody is known to produce, consume, serve or describe this entity yet."
        groups={[
          {
            title: entity.kind === 'Webhook' ? 'Sent by' : 'Produced by',
            type: RELATION_PRODUCED_BY,
          },
          {
            title: entity.kind === 'Webhook' ? 'Received by' : 'Consumed by',
            type: RELATION_CONSUMED_BY,
          },
          { title: 'Routes to', type: RELATION_ROUTES_TO },
          { title: 'Exposes', type: RELATION_EXPOSES },
          { title: 'Described by', type: RELATION_DESCRIBED_BY },
        ]}
      />
    </InfoCard>
  );
}
