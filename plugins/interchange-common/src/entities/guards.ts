import { Entity } from '@backstage/catalog-model';
import {
  GATEWAY_ROUTE_KIND,
  INTERCHANGE_API_VERSION,
  KAFKA_TOPIC_KIND,
  RABBITMQ_EXCHANGE_KIND,
  RABBITMQ_QUEUE_KIND,
  WEBHOOK_KIND,
} from './constants';
import {
  GatewayRouteEntityV1alpha1,
  InterchangeEntity,
  KafkaTopicEntityV1alpha1,
  RabbitMQExchangeEntityV1alpha1,
  RabbitMQQueueEntityV1alpha1,
  WebhookEntityV1alpha1,
} from './types';

const isKind = (entity: Entity, kind: string) =>
  entity.apiVersion === INTERCHANGE_API_VERSION &&
  entity.kind.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US');

/** @public */
export function isKafkaTopicEntity(
  entity: Entity,
): entity is KafkaTopicEntityV1alpha1 {
  return isKind(entity, KAFKA_TOPIC_KIND);
}

/** @public */
export function isGatewayRouteEntity(
  entity: Entity,
): entity is GatewayRouteEntityV1alpha1 {
  return isKind(entity, GATEWAY_ROUTE_KIND);
}

/** @public */
export function isWebhookEntity(
  entity: Entity,
): entity is WebhookEntityV1alpha1 {
  return isKind(entity, WEBHOOK_KIND);
}

/** @public */
export function isInterchangeEntity(
  entity: Entity,
): entity is InterchangeEntity {
  return (
    isKafkaTopicEntity(entity) ||
    isGatewayRouteEntity(entity) ||
    isWebhookEntity(entity) ||
    isRabbitMQExchangeEntity(entity) ||
    isRabbitMQQueueEntity(entity)
  );
}

/** @public */
export function isRabbitMQExchangeEntity(
  entity: Entity,
): entity is RabbitMQExchangeEntityV1alpha1 {
  return isKind(entity, RABBITMQ_EXCHANGE_KIND);
}

/** @public */
export function isRabbitMQQueueEntity(
  entity: Entity,
): entity is RabbitMQQueueEntityV1alpha1 {
  return isKind(entity, RABBITMQ_QUEUE_KIND);
}

/**
 * The exchange name on the broker: `spec.exchangeName`, else `metadata.name`.
 *
 * @public
 */
export function getRabbitMQExchangeName(
  entity: RabbitMQExchangeEntityV1alpha1,
): string {
  return entity.spec.exchangeName ?? entity.metadata.name;
}

/**
 * The queue name on the broker: `spec.queueName`, else `metadata.name`.
 *
 * @public
 */
export function getRabbitMQQueueName(
  entity: RabbitMQQueueEntityV1alpha1,
): string {
  return entity.spec.queueName ?? entity.metadata.name;
}

/**
 * The vhost of an exchange or queue entity: `spec.vhost`, else `/`.
 *
 * @public
 */
export function getRabbitMQVhost(
  entity: RabbitMQExchangeEntityV1alpha1 | RabbitMQQueueEntityV1alpha1,
): string {
  return entity.spec.vhost ?? '/';
}

/**
 * The topic name on the broker: `spec.topicName`, else `metadata.name`.
 *
 * @public
 */
export function getKafkaTopicName(entity: KafkaTopicEntityV1alpha1): string {
  return entity.spec.topicName ?? entity.metadata.name;
}
