import { compileUntrustedPattern } from '../limits/untrustedPattern';
import { INTERCHANGE_API_VERSION } from '../entities/constants';
import {
  RabbitMQQueueBinding,
  RabbitMQQueueEntityV1alpha1,
  RabbitMQQueueType,
} from '../entities/types';
import { EntityProblem } from '../validation/EntityProblem';
import { validateInterchangeEntity } from '../validation/validateInterchangeEntity';

/**
 * The platform team's rules for queues declared from the portal
 * (`interchange.rabbitmq.brokers[].policy`).
 *
 * @public
 */
export interface RabbitMQQueuePolicy {
  /** Queue names must match this regular expression. */
  namePattern?: string;
  /** The rule in words, for messages and forms. */
  nameDescription?: string;
  /** Queues with lifecycle `production` must be quorum queues. */
  requireQuorumInProduction?: boolean;
  /** Every queue must have a dead-letter exchange. */
  requireDeadLetterExchange?: boolean;
}

/** @public */
export interface RabbitMQQueueRequest {
  vhost?: string;
  name: string;
  queueType?: RabbitMQQueueType;
  durable?: boolean;
  bindings?: RabbitMQQueueBinding[];
  deadLetterExchange?: string;
  arguments?: Record<string, string | number | boolean>;
  lifecycle?: string;
}

/** @public */
export interface ResolvedRabbitMQQueueRequest {
  vhost: string;
  name: string;
  queueType: RabbitMQQueueType;
  durable: boolean;
  bindings: Array<{ exchange: string; routingKey: string }>;
  deadLetterExchange?: string;
  arguments: Record<string, string | number | boolean>;
}

/**
 * Checks a queue request against RabbitMQ's rules (the same validation as
 * RabbitMQQueue entities) and the broker's policy, before any broker call.
 * Paths in the problems are the request's fields (`name`, `queueType`, ...).
 *
 * @public
 */
export function checkRabbitMQQueueRequest(
  request: RabbitMQQueueRequest,
  policy: RabbitMQQueuePolicy,
  broker: string,
): { problems: EntityProblem[]; resolved: ResolvedRabbitMQQueueRequest } {
  const resolved: ResolvedRabbitMQQueueRequest = {
    vhost: request.vhost || '/',
    name: request.name,
    queueType: request.queueType ?? 'classic',
    durable: request.durable ?? true,
    bindings: (request.bindings ?? []).map(b => ({
      exchange: b.exchange,
      routingKey: b.routingKey ?? '',
    })),
    deadLetterExchange: request.deadLetterExchange || undefined,
    arguments: request.arguments ?? {},
  };
  const entity: RabbitMQQueueEntityV1alpha1 = {
    apiVersion: INTERCHANGE_API_VERSION,
    kind: 'RabbitMQQueue',
    metadata: { name: 'request' },
    spec: {
      owner: 'request',
      broker,
      vhost: resolved.vhost,
      queueName: resolved.name,
      queueType: resolved.queueType,
      durable: resolved.durable,
      bindings: resolved.bindings,
      ...(resolved.deadLetterExchange
        ? { deadLetterExchange: resolved.deadLetterExchange }
        : {}),
      arguments: resolved.arguments,
    },
  };
  const problems = validateInterchangeEntity(entity).map(p => ({
    ...p,
    path: p.path.replace(/^spec\.queueName$/, 'name').replace(/^spec\./, ''),
  }));
  if (
    policy.namePattern &&
    !compileUntrustedPattern(policy.namePattern, 'policy.namePattern').test(
      request.name,
    )
  ) {
    problems.push({
      path: 'name',
      message: `'${request.name}' does not follow the naming rule of broker ${broker}`,
      fix: `use a name like ${
        policy.nameDescription ?? `/${policy.namePattern}/`
      }`,
    });
  }
  if (
    policy.requireQuorumInProduction &&
    request.lifecycle === 'production' &&
    resolved.queueType !== 'quorum'
  ) {
    problems.push({
      path: 'queueType',
      message: `is ${resolved.queueType}, but broker ${broker} requires quorum queues in production (they are replicated and survive a node failure)`,
      fix: 'use queueType: quorum',
    });
  }
  if (policy.requireDeadLetterExchange && !resolved.deadLetterExchange) {
    problems.push({
      path: 'deadLetterExchange',
      message: `is required on broker ${broker}: rejected and expired messages must go somewhere`,
      fix: 'name the exchange dead-lettered messages go to, e.g. dead-letters',
    });
  }
  return { problems, resolved };
}
