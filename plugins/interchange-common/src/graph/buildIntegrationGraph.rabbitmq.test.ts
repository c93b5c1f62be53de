import { Entity } from '@backstage/catalog-model';
import { buildIntegrationGraph } from './buildIntegrationGraph';
import { component, group } from '../checks/testEntities';

const rabbit = (
  kind: string,
  name: string,
  spec: Record<string, unknown>,
): Entity => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: { owner: 'team-a', broker: 'local', ...spec } as Entity['spec'],
});

describe('buildIntegrationGraph with RabbitMQ kinds', () => {
  it('follows producer -> exchange -> queue -> consumer from spec fields', () => {
    const graph = buildIntegrationGraph([
      group('team-a'),
      component('orders'),
      component('mailer'),
      rabbit('RabbitMQExchange', 'notifications', {
        exchangeType: 'topic',
        producers: ['orders'],
      }),
      rabbit('RabbitMQQueue', 'email', {
        bindings: [
          { exchange: 'notifications', routingKey: 'email.#' },
          { exchange: 'rabbitmqexchange:notifications', routingKey: 'x' },
        ],
        consumers: ['mailer'],
      }),
    ]);
    expect(graph.edges.map(e => `${e.from} ${e.style} ${e.to}`).sort()).toEqual(
      [
        'component:default/orders event rabbitmqexchange:default/notifications',
        'rabbitmqexchange:default/notifications event rabbitmqqueue:default/email',
        'rabbitmqqueue:default/email event component:default/mailer',
      ],
    );
  });

  it('reads boundTo/boundFrom relations of entities from the catalog API', () => {
    const queue = rabbit('RabbitMQQueue', 'email', {});
    queue.relations = [
      {
        type: 'boundTo',
        targetRef: 'rabbitmqexchange:default/notifications',
      },
      { type: 'consumedBy', targetRef: 'component:default/mailer' },
    ];
    const exchange = rabbit('RabbitMQExchange', 'notifications', {
      exchangeType: 'topic',
    });
    exchange.relations = [
      { type: 'boundFrom', targetRef: 'rabbitmqqueue:default/email' },
      { type: 'producedBy', targetRef: 'component:default/orders' },
    ];
    const graph = buildIntegrationGraph([
      group('team-a'),
      component('orders'),
      component('mailer'),
      exchange,
      queue,
    ]);
    expect(graph.edges.map(e => `${e.from}>${e.to}`).sort()).toEqual([
      'component:default/orders>rabbitmqexchange:default/notifications',
      'rabbitmqexchange:default/notifications>rabbitmqqueue:default/email',
      'rabbitmqqueue:default/email>component:default/mailer',
    ]);
  });
});
