import { Entity } from '@backstage/catalog-model';
import {
  emittedRelationsOf,
  interchangeEntity,
} from '../__testUtils__/emittedRelations';

describe('emitInterchangeRelations for RabbitMQ kinds', () => {
  it('relates an exchange to its owner, producers and schema', () => {
    expect(
      emittedRelationsOf(
        interchangeEntity('RabbitMQExchange', {
          owner: 'team-a',
          broker: 'local',
          exchangeType: 'topic',
          producers: ['order-service'],
          schema: 'notification-events',
        }),
      ),
    ).toEqual([
      'api:default/notification-events describes rabbitmqexchange:default/it',
      'component:default/order-service producesTo rabbitmqexchange:default/it',
      'group:default/team-a ownerOf rabbitmqexchange:default/it',
      'rabbitmqexchange:default/it describedBy api:default/notification-events',
      'rabbitmqexchange:default/it ownedBy group:default/team-a',
      'rabbitmqexchange:default/it producedBy component:default/order-service',
    ]);
  });

  it('binds a queue to its exchanges (not the built-in ones) and its consumers', () => {
    expect(
      emittedRelationsOf(
        interchangeEntity('RabbitMQQueue', {
          owner: 'team-a',
          broker: 'local',
          bindings: [
            { exchange: 'notifications', routingKey: 'a' },
            { exchange: 'rabbitmqexchange:default/shipping' },
            { exchange: 'amq.topic', routingKey: 'b' },
          ],
          consumers: ['mailer'],
        }),
      ),
    ).toEqual([
      'component:default/mailer consumesFrom rabbitmqqueue:default/it',
      'group:default/team-a ownerOf rabbitmqqueue:default/it',
      'rabbitmqexchange:default/notifications boundFrom rabbitmqqueue:default/it',
      'rabbitmqexchange:default/shipping boundFrom rabbitmqqueue:default/it',
      'rabbitmqqueue:default/it boundTo rabbitmqexchange:default/notifications',
      'rabbitmqqueue:default/it boundTo rabbitmqexchange:default/shipping',
      'rabbitmqqueue:default/it consumedBy component:default/mailer',
      'rabbitmqqueue:default/it ownedBy group:default/team-a',
    ]);
  });

  it('relates components that produce to exchanges and consume from queues', () => {
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'svc', namespace: 'default' },
      spec: {
        producesTo: ['rabbitmqexchange:notifications'],
        consumesFrom: ['rabbitmqqueue:email'],
      },
    };
    expect(emittedRelationsOf(component)).toEqual([
      'component:default/svc consumesFrom rabbitmqqueue:default/email',
      'component:default/svc producesTo rabbitmqexchange:default/notifications',
      'rabbitmqexchange:default/notifications producedBy component:default/svc',
      'rabbitmqqueue:default/email consumedBy component:default/svc',
    ]);
  });
});
