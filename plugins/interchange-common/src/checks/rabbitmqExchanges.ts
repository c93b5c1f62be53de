import {
  getRabbitMQExchangeName,
  getRabbitMQVhost,
  isRabbitMQExchangeEntity,
  isRabbitMQQueueEntity,
} from '../entities/guards';
import { IntegrationGraph } from '../graph';
import {
  KnownRabbitMQExchange,
  rabbitmqQueueProblems,
} from '../validation/rabbitmqRules';
import { RuleFinding } from './types';

/**
 * The exchanges the catalog declares, and the broker/vhost pairs it knows
 * them for. A queue on a pair with no declared exchange is not judged: its
 * exchanges are managed outside the catalog (no discovery provider, no
 * definitions file), and every binding would be reported.
 */
function knownExchanges(graph: IntegrationGraph) {
  const exchanges: KnownRabbitMQExchange[] = [];
  for (const node of graph.nodes.values()) {
    const entity = node.entity;
    if (entity && isRabbitMQExchangeEntity(entity)) {
      exchanges.push({
        broker: String(entity.spec.broker),
        vhost: getRabbitMQVhost(entity),
        name: getRabbitMQExchangeName(entity),
        entityName: entity.metadata.name,
      });
    }
  }
  const pairs = new Set(exchanges.map(e => `${e.broker}\u0000${e.vhost}`));
  return {
    exchanges,
    knows: (broker: string, vhost: string) =>
      pairs.has(`${broker}\u0000${vhost}`),
  };
}

/**
 * Findings for queue fields naming an exchange the catalog does not declare
 * on the queue's broker and vhost: the validator's own check
 * (`knownRabbitMQExchanges`), run with every exchange of the graph.
 * `field` picks the fields: the bindings or the dead-letter exchange.
 */
export function undeclaredExchangeFindings(
  graph: IntegrationGraph,
  field: 'bindings' | 'deadLetterExchange',
): RuleFinding[] {
  const { exchanges, knows } = knownExchanges(graph);
  const findings: RuleFinding[] = [];
  for (const node of graph.nodes.values()) {
    const entity = node.entity;
    if (!entity || !isRabbitMQQueueEntity(entity)) {
      continue;
    }
    const broker = String(entity.spec.broker);
    const vhost = getRabbitMQVhost(entity);
    if (!knows(broker, vhost)) {
      continue;
    }
    const problems = rabbitmqQueueProblems(entity, {
      knownRabbitMQExchanges: exchanges,
    }).filter(
      p =>
        (field === 'bindings'
          ? /^spec\.bindings\[\d+\]\.exchange$/.test(p.path)
          : p.path === 'spec.deadLetterExchange') &&
        p.message.includes(' is not declared on broker '),
    );
    for (const p of problems) {
      const index = /\[(\d+)\]/.exec(p.path)?.[1];
      const exchange =
        field === 'bindings'
          ? entity.spec.bindings?.[Number(index)]?.exchange
          : entity.spec.deadLetterExchange;
      findings.push({
        entityRef: node.ref,
        entityRefs: [node.ref],
        message:
          field === 'bindings'
            ? `${node.ref} is bound to exchange '${exchange}', which is not declared on broker '${broker}', vhost '${vhost}'`
            : `${node.ref} dead-letters to exchange '${exchange}', which is not declared on broker '${broker}', vhost '${vhost}'`,
        fix: p.fix,
        details: { field: p.path, exchange, broker, vhost },
      });
    }
  }
  return findings;
}
