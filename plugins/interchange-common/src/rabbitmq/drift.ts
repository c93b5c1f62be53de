import {
  RabbitMQExchangeEntityV1alpha1,
  RabbitMQQueueEntityV1alpha1,
} from '../entities/types';
import { rabbitmqExchangeRefName } from '../validation/rabbitmqRules';
import {
  RabbitMQBindingLive,
  RabbitMQExchangeLive,
  RabbitMQQueueLive,
} from './liveState';

/**
 * One difference between what an entity declares and what the broker has.
 *
 * @public
 */
export interface RabbitMQDriftEntry {
  /** `exists`, `type`, `durable`, `arguments.<name>`, `bindings`. */
  field: string;
  declared: string;
  actual: string;
}

const show = (v: unknown) =>
  v === undefined ? '(not set)' : JSON.stringify(v);

/**
 * Drift between a RabbitMQQueue entity and the queue on the broker: type,
 * durability, every argument either side sets (the entity's
 * `deadLetterExchange` is `x-dead-letter-exchange` on the broker), and
 * bindings (exchange + routing key).
 *
 * @public
 */
export function computeQueueDrift(
  entity: RabbitMQQueueEntityV1alpha1,
  actual: RabbitMQQueueLive | undefined,
  bindings: RabbitMQBindingLive[],
): RabbitMQDriftEntry[] {
  if (!actual) {
    return [{ field: 'exists', declared: 'true', actual: 'false' }];
  }
  const drift: RabbitMQDriftEntry[] = [];
  const spec = entity.spec;
  const type = spec.queueType ?? 'classic';
  if (actual.type !== type) {
    drift.push({ field: 'type', declared: type, actual: actual.type });
  }
  const durable = spec.durable ?? true;
  if (actual.durable !== durable) {
    drift.push({
      field: 'durable',
      declared: String(durable),
      actual: String(actual.durable),
    });
  }
  const declaredArgs: Record<string, unknown> = { ...(spec.arguments ?? {}) };
  if (spec.deadLetterExchange) {
    declaredArgs['x-dead-letter-exchange'] = rabbitmqExchangeRefName(
      spec.deadLetterExchange,
    );
  }
  const actualArgs = { ...actual.arguments };
  // The queue type is compared above; brokers add x-queue-type themselves.
  delete actualArgs['x-queue-type'];
  const names = [
    ...new Set([...Object.keys(declaredArgs), ...Object.keys(actualArgs)]),
  ].sort();
  for (const name of names) {
    if (
      JSON.stringify(declaredArgs[name]) !== JSON.stringify(actualArgs[name])
    ) {
      drift.push({
        field: `arguments.${name}`,
        declared: show(declaredArgs[name]),
        actual: show(actualArgs[name]),
      });
    }
  }
  const key = (exchange: string, routingKey: string) =>
    `${exchange} ${JSON.stringify(routingKey)}`;
  const declaredBindings = (spec.bindings ?? [])
    .map(b => key(rabbitmqExchangeRefName(b.exchange), b.routingKey ?? ''))
    .sort();
  const actualBindings = bindings
    // Every queue is bound to the default exchange by its name implicitly.
    .filter(b => b.source !== '' && b.destinationType === 'queue')
    .map(b => key(b.source, b.routingKey))
    .sort();
  if (declaredBindings.join('\n') !== actualBindings.join('\n')) {
    drift.push({
      field: 'bindings',
      declared: declaredBindings.join(', ') || '(none)',
      actual: actualBindings.join(', ') || '(none)',
    });
  }
  return drift;
}

/**
 * Drift between a RabbitMQExchange entity and the exchange on the broker.
 *
 * @public
 */
export function computeExchangeDrift(
  entity: RabbitMQExchangeEntityV1alpha1,
  actual: RabbitMQExchangeLive | undefined,
): RabbitMQDriftEntry[] {
  if (!actual) {
    return [{ field: 'exists', declared: 'true', actual: 'false' }];
  }
  const drift: RabbitMQDriftEntry[] = [];
  if (actual.type !== entity.spec.exchangeType) {
    drift.push({
      field: 'type',
      declared: entity.spec.exchangeType,
      actual: actual.type,
    });
  }
  const durable = entity.spec.durable ?? true;
  if (actual.durable !== durable) {
    drift.push({
      field: 'durable',
      declared: String(durable),
      actual: String(actual.durable),
    });
  }
  return drift;
}
