import { buildIntegrationGraph } from './buildIntegrationGraph';
import { impact } from './impact';
import { api, component, system, topic } from '../checks/testEntities';

// web --calls--> orders-api <-- orders --produces--> orders.v1 --> mailer
const graph = buildIntegrationGraph([
  system('shop'),
  api('orders-api'),
  component('web', { system: 'shop', consumesApis: ['orders-api'] }),
  component('orders', {
    providesApis: ['orders-api'],
    producesTo: ['orders.v1'],
  }),
  topic('orders.v1', { consumers: ['mailer'] }),
  component('mailer'),
]);

describe('impact', () => {
  it('lists what depends on an entity downstream, with paths', () => {
    const result = impact(graph, 'component:default/orders', {
      direction: 'downstream',
      depth: 2,
    });
    expect(result.found).toBe(true);
    expect(result.reached).toEqual([
      {
        entityRef: 'api:default/orders-api',
        distance: 1,
        path: ['component:default/orders', 'api:default/orders-api'],
      },
      {
        entityRef: 'kafkatopic:default/orders.v1',
        distance: 1,
        path: ['component:default/orders', 'kafkatopic:default/orders.v1'],
      },
      {
        entityRef: 'component:default/mailer',
        distance: 2,
        path: [
          'component:default/orders',
          'kafkatopic:default/orders.v1',
          'component:default/mailer',
        ],
      },
      {
        entityRef: 'component:default/web',
        distance: 2,
        path: [
          'component:default/orders',
          'api:default/orders-api',
          'component:default/web',
        ],
      },
    ]);
    expect(
      impact(graph, 'component:default/orders', {
        direction: 'downstream',
        depth: 1,
      }).reached,
    ).toHaveLength(2);
  });

  it('lists what an entity depends on upstream', () => {
    const result = impact(graph, 'component:default/mailer', {
      direction: 'upstream',
      depth: 3,
    });
    expect(result.reached.map(r => r.entityRef)).toEqual([
      'kafkatopic:default/orders.v1',
      'component:default/orders',
    ]);
    expect(
      impact(graph, 'Component:default/web', {
        direction: 'upstream',
      }).reached.map(r => r.entityRef),
    ).toEqual(['api:default/orders-api', 'component:default/orders']);
  });

  it('starts from the members of a system', () => {
    const result = impact(graph, 'system:default/shop', {
      direction: 'upstream',
      depth: 2,
    });
    expect(result.reached.map(r => r.path)).toContainEqual([
      'system:default/shop',
      'component:default/web',
      'api:default/orders-api',
      'component:default/orders',
    ]);
  });

  it('says when the entity is unknown, and rejects a bad depth', () => {
    expect(
      impact(graph, 'component:default/nope', { direction: 'downstream' }),
    ).toEqual(expect.objectContaining({ found: false, reached: [] }));
    expect(() =>
      impact(graph, 'component:default/web', {
        direction: 'upstream',
        depth: 0,
      }),
    ).toThrow('depth must be an integer from 1 to 20 (got 0)');
  });
});
