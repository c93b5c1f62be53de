import { Entity } from '@backstage/catalog-model';
import { component, runRule } from '../testEntities';
import { rabbitmqBindingToUndeclaredExchangeRule } from './rabbitmqBindingToUndeclaredExchange';
import { rabbitmqMissingDeadLetterExchangeRule } from './rabbitmqMissingDeadLetterExchange';

const rabbit = (
  kind: 'RabbitMQExchange' | 'RabbitMQQueue',
  name: string,
  spec: Record<string, unknown>,
): Entity => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind,
  metadata: { name },
  spec: {
    owner: 'team-a',
    broker: 'local',
    ...(kind === 'RabbitMQExchange' ? { exchangeType: 'topic' } : {}),
    ...spec,
  },
});

const exchanges = [
  rabbit('RabbitMQExchange', 'notifications', {}),
  rabbit('RabbitMQExchange', 'dead-letters', { exchangeType: 'fanout' }),
  // Declared under another entity name, and on another vhost.
  rabbit('RabbitMQExchange', 'billing-events', {
    exchangeName: 'billing.events',
  }),
  rabbit('RabbitMQExchange', 'audit', { vhost: 'audit' }),
];

describe('rabbitmq/binding-to-undeclared-exchange', () => {
  it('reports a binding to an exchange not declared on the broker and vhost, with a guess', () => {
    const findings = runRule(rabbitmqBindingToUndeclaredExchangeRule, [
      component('mailer'),
      ...exchanges,
      rabbit('RabbitMQQueue', 'email', {
        bindings: [
          { exchange: 'notifications', routingKey: 'ok' },
          { exchange: 'notificatons', routingKey: 'typo' },
          { exchange: 'audit', routingKey: 'other vhost' },
          { exchange: 'rabbitmqexchange:billing-evnts', routingKey: 'ref' },
        ],
      }),
    ]);
    expect(findings).toEqual([
      {
        entityRef: 'rabbitmqqueue:default/email',
        entityRefs: ['rabbitmqqueue:default/email'],
        message:
          "rabbitmqqueue:default/email is bound to exchange 'notificatons', which is not declared on broker 'local', vhost '/'",
        fix: "did you mean 'notifications'? Otherwise declare the exchange (a RabbitMQExchange entity) on that broker and vhost",
        details: {
          field: 'spec.bindings[1].exchange',
          exchange: 'notificatons',
          broker: 'local',
          vhost: '/',
        },
      },
      expect.objectContaining({
        details: expect.objectContaining({
          field: 'spec.bindings[2].exchange',
          exchange: 'audit',
        }),
      }),
      expect.objectContaining({
        message: expect.stringContaining(
          "bound to exchange 'rabbitmqexchange:billing-evnts'",
        ),
        fix: expect.stringContaining("did you mean 'billing-events'?"),
      }),
    ]);
  });

  it('accepts declared exchanges by name or ref, the broker’s own, and vhosts the catalog declares no exchange on (near misses)', () => {
    expect(
      runRule(rabbitmqBindingToUndeclaredExchangeRule, [
        ...exchanges,
        rabbit('RabbitMQQueue', 'ok', {
          bindings: [
            { exchange: 'notifications' },
            { exchange: 'rabbitmqexchange:notifications' },
            { exchange: 'billing.events' },
            { exchange: 'rabbitmqexchange:billing-events' },
            { exchange: 'amq.topic' },
          ],
        }),
        rabbit('RabbitMQQueue', 'audit-log', {
          vhost: 'audit',
          bindings: [{ exchange: 'audit' }],
        }),
        // No exchange of vhost 'legacy' is in the catalog: not judged.
        rabbit('RabbitMQQueue', 'legacy', {
          vhost: 'legacy',
          bindings: [{ exchange: 'anything' }],
          deadLetterExchange: 'anything',
        }),
        // Nor on another broker.
        rabbit('RabbitMQQueue', 'elsewhere', {
          broker: 'prod-eu',
          bindings: [{ exchange: 'notifications' }],
        }),
      ]),
    ).toEqual([]);
  });
});

describe('rabbitmq/missing-dead-letter-exchange', () => {
  it('reports a dead-letter exchange not declared on the broker and vhost', () => {
    const findings = runRule(rabbitmqMissingDeadLetterExchangeRule, [
      ...exchanges,
      rabbit('RabbitMQQueue', 'email', {
        bindings: [{ exchange: 'nowhere' }],
        deadLetterExchange: 'dead-leters',
      }),
    ]);
    expect(findings).toEqual([
      {
        entityRef: 'rabbitmqqueue:default/email',
        entityRefs: ['rabbitmqqueue:default/email'],
        message:
          "rabbitmqqueue:default/email dead-letters to exchange 'dead-leters', which is not declared on broker 'local', vhost '/'",
        fix: "did you mean 'dead-letters'? Otherwise declare the exchange (a RabbitMQExchange entity) on that broker and vhost",
        details: {
          field: 'spec.deadLetterExchange',
          exchange: 'dead-leters',
          broker: 'local',
          vhost: '/',
        },
      },
    ]);
  });

  it('accepts a declared dead-letter exchange, by name or ref (near misses)', () => {
    expect(
      runRule(rabbitmqMissingDeadLetterExchangeRule, [
        ...exchanges,
        rabbit('RabbitMQQueue', 'a', { deadLetterExchange: 'dead-letters' }),
        rabbit('RabbitMQQueue', 'b', {
          deadLetterExchange: 'rabbitmqexchange:dead-letters',
        }),
        rabbit('RabbitMQQueue', 'c', {}),
      ]),
    ).toEqual([]);
  });
});
