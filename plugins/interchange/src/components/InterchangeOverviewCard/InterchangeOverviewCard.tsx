import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  isGatewayRouteEntity,
  isKafkaTopicEntity,
  isWebhookEntity,
} from '@interchange/plugin-interchange-common';
import { Field, FieldList } from '../FieldList';
import { Refs } from '../Refs';
import { gatewayRouteFields } from './GatewayRouteFields';
import { kafkaTopicFields } from './KafkaTopicFields';
import { webhookFields } from './WebhookFields';

const TITLES: Record<string, string> = {
  KafkaTopic: 'Kafka topic',
  GatewayRoute: 'Gateway route',
  Webhook: 'Webhook',
};

/**
 * Every field a KafkaTopic, GatewayRoute or Webhook entity declares.
 *
 * @public
 */
export function InterchangeOverviewCard() {
  const { entity } = useEntity();
  let kindFields: Field[];
  if (isKafkaTopicEntity(entity)) {
    kindFields = kafkaTopicFields(entity);
  } else if (isGatewayRouteEntity(entity)) {
    kindFields = gatewayRouteFields(entity);
  } else if (isWebhookEntity(entity)) {
    kindFields = webhookFields(entity);
  } else {
    return (
      <InfoCard title="Integration">
        This card shows KafkaTopic, GatewayRoute and Webhook entities;{' '}
        {entity.kind} is none of them. Use it inside an EntitySwitch case with
        isInterchangeEntity.
      </InfoCard>
    );
  }
  const spec = entity.spec as {
    owner: string;
    system?: string;
    lifecycle?: string;
    type?: string;
  };
  const ns = entity.metadata.namespace;
  return (
    <InfoCard
      title={TITLES[entity.kind]}
      subheader={entity.metadata.description}
    >
      <FieldList
        fields={[
          {
            label: 'Owner',
            value: (
              <Refs refs={spec.owner} defaultKind="Group" namespace={ns} />
            ),
          },
          {
            label: 'System',
            value: (
              <Refs refs={spec.system} defaultKind="System" namespace={ns} />
            ),
          },
          { label: 'Lifecycle', value: spec.lifecycle },
          { label: 'Type', value: spec.type },
          ...kindFields,
        ]}
      />
    </InfoCard>
  );
}
