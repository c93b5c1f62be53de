import {
  RabbitMQExchangeEntityV1alpha1,
  RabbitMQQueueEntityV1alpha1,
} from '../entities/types';
import { computeExchangeDrift, computeQueueDrift } from './drift';

const entity: RabbitMQQueueEntityV1alpha1 = {
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'RabbitMQQueue',
  metadata: { name: 'notifications.sms' },
  spec: {
    owner: 'team-a',
    broker: 'local',
    queueType: 'classic',
    bindings: [
      { exchange: 'rabbitmqexchange:notifications', routingKey: 'sms.#' },
    ],
    deadLetterExchange: 'dead-letters',
    arguments: { 'x-message-ttl': 60000 },
  },
};

describe('computeQueueDrift', () => {
  it('finds type, durability, argument and binding differences', () => {
    expect(
      computeQueueDrift(
        entity,
        {
          vhost: '/',
          name: 'notifications.sms',
          type: 'quorum',
          durable: false,
          autoDelete: false,
          arguments: {
            'x-queue-type': 'quorum',
            'x-message-ttl': 30000,
            'x-dead-letter-exchange': 'dead-letters',
            'x-max-length': 10,
          },
        },
        [
          {
            vhost: '/',
            source: '',
            destination: 'notifications.sms',
            destinationType: 'queue',
            routingKey: 'notifications.sms',
            arguments: {},
          },
          {
            vhost: '/',
            source: 'notifications',
            destination: 'notifications.sms',
            destinationType: 'queue',
            routingKey: 'sms.*',
            arguments: {},
          },
        ],
      ),
    ).toEqual([
      { field: 'type', declared: 'classic', actual: 'quorum' },
      { field: 'durable', declared: 'true', actual: 'false' },
      { field: 'arguments.x-max-length', declared: '(not set)', actual: '10' },
      { field: 'arguments.x-message-ttl', declared: '60000', actual: '30000' },
      {
        field: 'bindings',
        declared: 'notifications "sms.#"',
        actual: 'notifications "sms.*"',
      },
    ]);
  });

  it('reports a queue missing on the broker, and no drift when equal', () => {
    expect(computeQueueDrift(entity, undefined, [])).toEqual([
      { field: 'exists', declared: 'true', actual: 'false' },
    ]);
    expect(
      computeQueueDrift(
        entity,
        {
          vhost: '/',
          name: 'notifications.sms',
          type: 'classic',
          durable: true,
          autoDelete: false,
          arguments: {
            'x-message-ttl': 60000,
            'x-dead-letter-exchange': 'dead-letters',
          },
        },
        [
          {
            vhost: '/',
            source: 'notifications',
            destination: 'notifications.sms',
            destinationType: 'queue',
            routingKey: 'sms.#',
            arguments: {},
          },
        ],
      ),
    ).toEqual([]);
  });
});

describe('computeExchangeDrift', () => {
  it('compares type and durability', () => {
    const exchange: RabbitMQExchangeEntityV1alpha1 = {
      apiVersion: 'interchange.dev/v1alpha1',
      kind: 'RabbitMQExchange',
      metadata: { name: 'notifications' },
      spec: { owner: 'team-a', broker: 'local', exchangeType: 'topic' },
    };
    expect(
      computeExchangeDrift(exchange, {
        vhost: '/',
        name: 'notifications',
        type: 'direct',
        durable: true,
        autoDelete: false,
        internal: false,
        arguments: {},
      }),
    ).toEqual([{ field: 'type', declared: 'topic', actual: 'direct' }]);
  });
});
