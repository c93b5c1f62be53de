import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  RELATION_CONSUMES_FROM,
  RELATION_PRODUCES_TO,
  RELATION_ROUTED_BY,
  RELATION_EXPOSED_BY,
} from '@interchange/plugin-interchange-common';
import { RelatedEntitiesTable } from '../RelatedEntitiesTable';

/**
 * For a Component (or API): the topics it produces to and consumes from, the
 * webhooks it sends and receives, and the gateway routes that reach it.
 *
 * @public
 */
export function IntegrationsCard(props: { title?: string }) {
  const { entity } = useEntity();
  return (
    <InfoCard title={props.title ?? 'Integrations'}>
      <RelatedEntitiesTable
        entity={entity}
        emptyText="No topics, webhooks or gateway routes are linked to this entity. Declare them with spec.producesTo / spec.consumesFrom, or in the KafkaTopic, GatewayRoute and Webhook entities."
        groups={[
          {
            title: 'Produces to',
            type: RELATION_PRODUCES_TO,
            kind: 'KafkaTopic',
          },
          {
            title: 'Consumes from',
            type: RELATION_CONSUMES_FROM,
            kind: 'KafkaTopic',
          },
          {
            title: 'Sends webhook',
            type: RELATION_PRODUCES_TO,
            kind: 'Webhook',
          },
          {
            title: 'Receives webhook',
            type: RELATION_CONSUMES_FROM,
            kind: 'Webhook',
          },
          { title: 'Routed by', type: RELATION_ROUTED_BY },
          { title: 'Exposed by', type: RELATION_EXPOSED_BY },
        ]}
      />
    </InfoCard>
  );
}
