import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of catalog entities (as in @backstage/plugin-catalog-common). */
const CATALOG_ENTITY = 'catalog-entity';

/**
 * Reading live Kafka state (partitions, offsets, configs, consumer groups and
 * lag) through the Interchange backend. Topic configs and group names can be
 * sensitive, so admins can restrict this in their permission policy.
 *
 * @public
 */
export const kafkaLiveStateReadPermission = createPermission({
  name: 'interchange.kafka.read',
  attributes: { action: 'read' },
});

/**
 * Sending a test event to a Webhook entity's endpoint. The demo policy lets
 * the webhook's owners do it and nobody else.
 *
 * @public
 */
export const webhookSendPermission = createPermission({
  name: 'interchange.webhook.send',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY,
});

/**
 * Redelivering a recorded attempt (same event id and body).
 *
 * @public
 */
export const webhookRedeliverPermission = createPermission({
  name: 'interchange.webhook.redeliver',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY,
});

/**
 * Reading a Webhook entity's delivery log and endpoint health.
 *
 * @public
 */
export const webhookDeliveriesReadPermission = createPermission({
  name: 'interchange.webhook.deliveries.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY,
});

/**
 * Every permission Interchange defines.
 *
 * @public
 */
export const interchangePermissions = [
  kafkaLiveStateReadPermission,
  webhookSendPermission,
  webhookRedeliverPermission,
  webhookDeliveriesReadPermission,
];
