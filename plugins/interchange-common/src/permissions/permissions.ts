import { createPermission } from '@backstage/plugin-permission-common';

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
 * Every permission Interchange defines.
 *
 * @public
 */
export const interchangePermissions = [kafkaLiveStateReadPermission];
