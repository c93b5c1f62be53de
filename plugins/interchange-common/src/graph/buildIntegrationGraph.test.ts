import { buildIntegrationGraph } from './buildIntegrationGraph';
import {
  api,
  component,
  group,
  route,
  system,
  topic,
  webhook,
} from '../checks/testEntities';

describe('buildIntegrationGraph', () => {
  it('builds styled, sync/async edges from spec fields', () => {
    const graph = buildIntegrationGraph([
      group('team-a'),
      system('shop'),
      api('orders-api'),
      component('web', { system: 'shop', consumesApis: ['orders-api'] }),
      component('orders', {
        providesApis: ['orders-api'],
        producesTo: ['orders.v1'],
      }),
      topic('orders.v1', {
        consumers: [{ entityRef: 'web', consumerGroup: 'g' }],
      }),
      webhook('hook', { sender: 'orders', url: 'https://partner.example/h' }),
      route('r', { upstream: 'orders', api: 'orders-api' }),
    ]);
    const edges = graph.edges.map(
      e => `${e.from} ${e.style}${e.sync ? '!' : ''} ${e.to}`,
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        'component:default/web http! api:default/orders-api',
        'api:default/orders-api http! component:default/orders',
        'component:default/orders event kafkatopic:default/orders.v1',
        'kafkatopic:default/orders.v1 event component:default/web',
        'component:default/orders webhook webhook:default/hook',
        'webhook:default/hook webhook url:https://partner.example/h',
        'gatewayroute:default/r http! component:default/orders',
      ]),
    );
    expect(graph.links).toContainEqual({
      from: 'gatewayroute:default/r',
      to: 'api:default/orders-api',
      type: 'exposes',
    });
    expect(graph.nodes.get('component:default/web')).toEqual(
      expect.objectContaining({
        category: 'component',
        system: 'system:default/shop',
        owner: 'group:default/team-a',
      }),
    );
    expect(graph.collapsed.components).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          from: 'component:default/web',
          to: 'component:default/orders',
          sync: true,
          channels: ['api:default/orders-api'],
        }),
        expect.objectContaining({
          from: 'component:default/orders',
          to: 'component:default/web',
          sync: false,
          styles: ['event'],
          channels: ['kafkatopic:default/orders.v1'],
        }),
      ]),
    );
  });

  it('reads relations of entities from the catalog API, and gives the same edges once', () => {
    const fromApi = [
      {
        ...component('a'),
        relations: [
          { type: 'producesTo', targetRef: 'kafkatopic:default/t' },
          { type: 'partOf', targetRef: 'system:default/shop' },
        ],
      },
      {
        ...topic('t'),
        relations: [
          { type: 'producedBy', targetRef: 'component:default/a' },
          { type: 'consumedBy', targetRef: 'component:default/b' },
        ],
      },
      {
        ...component('b'),
        relations: [
          { type: 'consumesFrom', targetRef: 'kafkatopic:default/t' },
        ],
      },
      system('shop'),
    ];
    const graph = buildIntegrationGraph(fromApi);
    expect(graph.edges.map(e => `${e.from}>${e.to}`)).toEqual([
      'component:default/a>kafkatopic:default/t',
      'kafkatopic:default/t>component:default/b',
    ]);
    expect(graph.nodes.get('component:default/a')?.system).toBe(
      'system:default/shop',
    );
  });

  it('skips and records unresolvable refs, self-loops, duplicates and bad input without crashing', () => {
    const graph = buildIntegrationGraph([
      null,
      'not an entity',
      { kind: 'Component' },
      component('a', {
        dependsOn: ['component:a', 'no-kind-given'],
        consumesApis: ['missing-api'],
      }),
      component('a'),
      topic('t', { producers: ['a', 'a', 42, 'ghost'], consumers: 'a' }),
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'x' },
        spec: {},
      },
    ] as unknown[]);
    expect(graph.nodes.size).toBe(2);
    expect(
      graph.skipped.map(s =>
        `${s.reason} ${s.entityRef} ${s.ref ?? ''}`.trim(),
      ),
    ).toEqual(
      expect.arrayContaining([
        'duplicate-entity component:default/a',
        'self-loop component:default/a component:default/a',
        'invalid-ref component:default/a no-kind-given',
        'unresolved-ref component:default/a api:default/missing-api',
        'unresolved-ref kafkatopic:default/t component:default/ghost',
        'self-loop kafkatopic:default/t component:default/a',
      ]),
    );
    expect(graph.edges).toHaveLength(2); // a -> t, t -> a, once each
  });

  it('leaves a channel with a huge fan-out out of the collapsed view, and says so', () => {
    const names = Array.from({ length: 120 }, (_, i) => `c${i}`);
    const graph = buildIntegrationGraph(
      [
        ...names.map(n => component(n)),
        topic('firehose', { producers: names, consumers: names }),
      ],
      { maxPairsPerChannel: 1000 },
    );
    expect(graph.edges).toHaveLength(240);
    expect(graph.collapsed.components).toEqual([]);
    expect(graph.skipped.find(s => s.reason === 'fan-out')?.message).toContain(
      'joins 120 writers to 120 readers',
    );
  });

  it('plugs in a new integration kind through the mapping table', () => {
    const graph = buildIntegrationGraph(
      [
        component('p'),
        component('q'),
        {
          apiVersion: 'interchange.dev/v1alpha1',
          kind: 'RabbitMQQueue',
          metadata: { name: 'jobs' },
          spec: { owner: 'team-a', publishers: ['p'], subscribers: ['q'] },
        },
      ],
      {
        kinds: [
          {
            kind: 'RabbitMQQueue',
            style: 'event',
            sync: false,
            writers: [{ field: 'publishers', defaultKind: 'Component' }],
            readers: [{ field: 'subscribers', defaultKind: 'Component' }],
            writerRelations: ['producedBy', 'producesTo'],
            readerRelations: ['consumedBy', 'consumesFrom'],
          },
        ],
      },
    );
    expect(graph.collapsed.components).toEqual([
      expect.objectContaining({
        from: 'component:default/p',
        to: 'component:default/q',
        channels: ['rabbitmqqueue:default/jobs'],
      }),
    ]);
  });
});
