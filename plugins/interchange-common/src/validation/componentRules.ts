import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_COMMUNITY_KAFKA_CONSUMER_GROUPS,
  ANNOTATION_KAFKA_CONSUMER_GROUPS,
} from '../entities/constants';
import { parseConsumerGroupsAnnotation } from '../entities/annotations';
import { checkEntityRef } from './entityRefs';
import { describeValue, EntityProblem } from './EntityProblem';

/**
 * Rules for the integration side a Component declares about itself:
 * `spec.producesTo`, `spec.consumesFrom` and the consumer-group annotations.
 * Other component fields are Backstage's business.
 */
export function componentIntegrationProblems(entity: Entity): EntityProblem[] {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const problems: EntityProblem[] = [];
  for (const field of ['producesTo', 'consumesFrom']) {
    const value = spec[field];
    if (value === undefined) {
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push({
        path: `spec.${field}`,
        message: `must be a list of topic, webhook, exchange or queue refs (got ${describeValue(
          value,
        )})`,
        fix: `write e.g. ${field}: ['kafkatopic:orders.order-placed.v1', 'webhook:shipment-tracking']`,
      });
      continue;
    }
    value.forEach((ref, i) => {
      if (typeof ref !== 'string') {
        problems.push({
          path: `spec.${field}[${i}]`,
          message: `must be an entity ref string (got ${describeValue(ref)})`,
          fix: "write e.g. 'kafkatopic:orders.order-placed.v1'",
        });
        return;
      }
      problems.push(
        ...checkEntityRef(ref, `spec.${field}[${i}]`, {
          defaultKind: 'KafkaTopic',
          allowedKinds: [
            'KafkaTopic',
            'Webhook',
            'RabbitMQExchange',
            'RabbitMQQueue',
          ],
          example: 'kafkatopic:orders.order-placed.v1',
        }),
      );
    });
  }
  for (const key of [
    ANNOTATION_KAFKA_CONSUMER_GROUPS,
    ANNOTATION_COMMUNITY_KAFKA_CONSUMER_GROUPS,
  ]) {
    const value = entity.metadata.annotations?.[key];
    if (value === undefined) {
      continue;
    }
    const { invalid } = parseConsumerGroupsAnnotation(value);
    for (const entry of invalid) {
      problems.push({
        path: `metadata.annotations.${key}`,
        message: `entry '${entry}' is not <cluster>/<group>`,
        fix: `write e.g. '${key}: prod-eu/billing-consumer' (comma-separate several)`,
      });
    }
  }
  return problems;
}
