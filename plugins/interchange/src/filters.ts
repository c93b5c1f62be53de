import { Entity } from '@backstage/catalog-model';
import { getComponentConsumerGroups } from '@interchange/plugin-interchange-common';

/**
 * For `EntitySwitch.Case if=`: the entity declares consumer groups with
 * `interchange.dev/kafka-consumer-groups` or `kafka.apache.org/consumer-groups`.
 *
 * @public
 */
export function hasKafkaConsumerGroups(entity: Entity): boolean {
  return getComponentConsumerGroups(entity).length > 0;
}
