import { Entity } from '@backstage/catalog-model';
import { formatEntityProblems } from './EntityProblem';
import { validateInterchangeEntity } from './validateInterchangeEntity';

const exchange = (
  spec: Record<string, unknown>,
  name = 'notifications',
): Entity => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'RabbitMQExchange',
  metadata: { name },
  spec: {
    owner: 'team-fulfillment',
    broker: 'local',
    exchangeType: 'topic',
    ...spec,
  },
});
const queue = (
  spec: Record<string, unknown>,
  name = 'notifications.email',
): Entity => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'RabbitMQQueue',
  metadata: { name },
  spec: { owner: 'team-fulfillment', broker: 'local', ...spec },
});

const known = {
  knownRabbitMQBrokers: ['local'],
  knownRabbitMQExchanges: [
    { broker: 'local', vhost: '/', name: 'notifications' },
    { broker: 'local', vhost: '/', name: 'dead-letters' },
    { broker: 'local', vhost: 'billing', name: 'invoices' },
  ],
};

const paths = (entity: Entity, options = known) =>
  validateInterchangeEntity(entity, options).map(p => p.path);

describe('RabbitMQExchange validation', () => {
  it('accepts a complete exchange', () => {
    expect(
      validateInterchangeEntity(
        exchange({
          system: 'fulfillment',
          lifecycle: 'production',
          vhost: '/',
          exchangeName: 'notifications.v1',
          durable: true,
          schema: 'api:notification-events',
          producers: ['order-service', 'component:default/shipping-service'],
        }),
        known,
      ),
    ).toEqual([]);
  });

  it('names each invalid field with its fix', () => {
    const problems = validateInterchangeEntity(
      exchange({
        broker: 'prod',
        exchangeType: 'x-delayed',
        producers: ['a:b:c'],
        schema: 'component:x',
      }),
      known,
    );
    const text = formatEntityProblems(problems);
    expect(problems.map(p => p.path).sort()).toEqual([
      'spec.broker',
      'spec.exchangeType',
      'spec.producers[0]',
      'spec.schema',
    ]);
    expect(text).toContain(
      "spec.broker: 'prod' is not a configured RabbitMQ broker. Fix: use one of 'local'",
    );
    expect(text).toContain('spec.exchangeType');
    expect(text).toMatch(/direct.*topic.*fanout.*headers/);
  });

  it('requires broker and exchangeType', () => {
    const entity = exchange({});
    delete (entity.spec as Record<string, unknown>).broker;
    delete (entity.spec as Record<string, unknown>).exchangeType;
    expect(paths(entity).sort()).toEqual(['spec.broker', 'spec.exchangeType']);
  });

  it('refuses names RabbitMQ refuses', () => {
    expect(paths(exchange({ exchangeName: 'amq.orders' }))).toEqual([
      'spec.exchangeName',
    ]);
    expect(
      formatEntityProblems(
        validateInterchangeEntity(exchange({ exchangeName: 'orders events' })),
      ),
    ).toContain("contains ' '; exchange names may only use letters");
    expect(paths(exchange({ exchangeName: 'x'.repeat(256) }))).toEqual([
      'spec.exchangeName',
    ]);
  });
});

describe('RabbitMQQueue validation', () => {
  it('accepts a complete queue', () => {
    expect(
      validateInterchangeEntity(
        queue({
          system: 'fulfillment',
          lifecycle: 'production',
          vhost: '/',
          queueName: 'notifications.email.v1',
          queueType: 'quorum',
          durable: true,
          bindings: [
            { exchange: 'notifications', routingKey: 'notify.email.#' },
            { exchange: 'rabbitmqexchange:default/notifications' },
            { exchange: 'amq.topic', routingKey: 'legacy.#' },
          ],
          deadLetterExchange: 'dead-letters',
          arguments: {
            'x-delivery-limit': 5,
            'x-max-length': 1000,
            'x-overflow': 'reject-publish',
            'x-single-active-consumer': true,
          },
          consumers: ['notification-service'],
        }),
        known,
      ),
    ).toEqual([]);
  });

  it('refuses quorum and stream queues that are not durable', () => {
    const problems = validateInterchangeEntity(
      queue({ queueType: 'quorum', durable: false }),
    );
    expect(formatEntityProblems(problems)).toBe(
      'spec.durable: is false, but quorum queues are always durable (RabbitMQ refuses to declare a non-durable quorum queue). Fix: remove durable: false, or use queueType: classic for a transient queue',
    );
    expect(paths(queue({ queueType: 'stream', durable: false }))).toEqual([
      'spec.durable',
    ]);
    expect(paths(queue({ queueType: 'classic', durable: false }))).toEqual([]);
  });

  it("reads arguments named like Object's properties as unknown, not as Object's", () => {
    // fast-check found `constructor` crashing the definitions reader.
    const problems = validateInterchangeEntity(
      queue({ arguments: { constructor: 1, __proto__: 2, toString: 3 } }),
    );
    expect(problems.map(p => p.message).sort()).toEqual([
      "'constructor' is not a RabbitMQ queue argument",
      "'toString' is not a RabbitMQ queue argument",
    ]);
  });

  it('checks x- arguments by name and type', () => {
    const problems = validateInterchangeEntity(
      queue({
        arguments: {
          'x-message-ttl': '60000',
          'x-max-lenght': 10,
          'x-overflow': 'drop-tail',
          'x-max-priority': 300,
          'x-queue-type': 'quorum',
          'x-single-active-consumer': 'yes',
        },
      }),
    );
    const byPath = Object.fromEntries(problems.map(p => [p.path, p]));
    expect(Object.keys(byPath).sort()).toEqual([
      'spec.arguments.x-max-lenght',
      'spec.arguments.x-max-priority',
      'spec.arguments.x-message-ttl',
      'spec.arguments.x-overflow',
      'spec.arguments.x-queue-type',
      'spec.arguments.x-single-active-consumer',
    ]);
    expect(byPath['spec.arguments.x-max-lenght'].fix).toBe(
      "did you mean 'x-max-length'?",
    );
    expect(byPath['spec.arguments.x-message-ttl'].message).toContain(
      'must be an integer (got "60000")',
    );
    expect(byPath['spec.arguments.x-overflow'].message).toContain(
      "must be one of 'drop-head', 'reject-publish', 'reject-publish-dlx'",
    );
    expect(byPath['spec.arguments.x-max-priority'].message).toBe(
      'must be at most 255 (got 300)',
    );
    expect(byPath['spec.arguments.x-queue-type'].fix).toContain(
      'spec.queueType',
    );
  });

  it('refuses arguments the queue type ignores', () => {
    expect(
      formatEntityProblems(
        validateInterchangeEntity(
          queue({ queueType: 'classic', arguments: { 'x-delivery-limit': 3 } }),
        ),
      ),
    ).toBe(
      'spec.arguments.x-delivery-limit: does not apply to classic queues; RabbitMQ honours it for quorum queues only. Fix: remove it, or use queueType: quorum',
    );
  });

  it('refuses bindings to exchanges not declared on the same broker and vhost', () => {
    const problems = validateInterchangeEntity(
      queue({
        vhost: '/',
        bindings: [
          { exchange: 'notificatons', routingKey: '#' },
          { exchange: 'invoices' },
          { exchange: 'rabbitmqexchange:missing' },
          { exchange: 'kafkatopic:orders' },
        ],
      }),
      known,
    );
    expect(problems.map(p => p.path)).toEqual([
      'spec.bindings[0].exchange',
      'spec.bindings[1].exchange',
      'spec.bindings[2].exchange',
      'spec.bindings[3].exchange',
    ]);
    expect(problems[0].message).toBe(
      "exchange 'notificatons' is not declared on broker 'local', vhost '/'",
    );
    expect(problems[0].fix).toContain("did you mean 'notifications'?");
    // Declared, but on another vhost.
    expect(problems[1].message).toContain("vhost '/'");
    expect(problems[3].message).toContain('must be an exchange');
  });

  it('does not check exchanges the catalog does not know about', () => {
    expect(
      paths(queue({ bindings: [{ exchange: 'anything' }] }), {
        knownRabbitMQBrokers: ['local'],
      } as typeof known),
    ).toEqual([]);
  });

  it('refuses a dead-letter exchange that does not exist', () => {
    const problems = validateInterchangeEntity(
      queue({ deadLetterExchange: 'dead-leters' }),
      known,
    );
    expect(formatEntityProblems(problems)).toBe(
      "spec.deadLetterExchange: dead-letter exchange 'dead-leters' is not declared on broker 'local', vhost '/'. Fix: did you mean 'dead-letters'? Otherwise declare the exchange (a RabbitMQExchange entity) on that broker and vhost",
    );
  });

  it('refuses queue names RabbitMQ refuses, and bad fields', () => {
    expect(paths(queue({}, 'amq.gen-1'))).toEqual(['metadata.name']);
    expect(paths(queue({ queueName: '' }))).toEqual(['spec.queueName']);
    expect(
      paths(
        queue({
          queueType: 'mirrored',
          bindings: [{ routingKey: 'x' }],
          consumers: ['a:b:c'],
          broker: 'prod',
        }),
      ).sort(),
    ).toEqual([
      'spec.bindings[0].exchange',
      'spec.broker',
      'spec.consumers[0]',
      'spec.queueType',
    ]);
  });

  it('lets components produce to exchanges and consume from queues', () => {
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'order-service' },
      spec: {
        type: 'service',
        owner: 'team-fulfillment',
        lifecycle: 'production',
        producesTo: ['rabbitmqexchange:notifications'],
        consumesFrom: ['rabbitmqqueue:shipping.labels'],
      },
    };
    expect(validateInterchangeEntity(component)).toEqual([]);
  });
});
