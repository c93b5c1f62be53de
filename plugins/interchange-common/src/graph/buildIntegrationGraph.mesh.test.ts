import { Entity } from '@backstage/catalog-model';
import { buildIntegrationGraph } from './buildIntegrationGraph';
import { component, group } from '../checks/testEntities';

const withRelations = (
  e: Entity,
  relations: { type: string; targetRef: string }[],
): Entity => ({ ...e, relations });

describe('buildIntegrationGraph with mesh relations', () => {
  it('turns mayCall / mayBeCalledBy into one synchronous mesh edge, caller -> callee', () => {
    const graph = buildIntegrationGraph([
      group('team-a'),
      withRelations(component('stock'), [
        { type: 'mayCall', targetRef: 'component:default/orders' },
      ]),
      withRelations(component('orders'), [
        { type: 'mayBeCalledBy', targetRef: 'component:default/stock' },
      ]),
    ]);
    expect(graph.edges).toEqual([
      {
        from: 'component:default/stock',
        to: 'component:default/orders',
        style: 'mesh',
        sync: true,
        relation: 'mayCall',
      },
    ]);
    expect(graph.collapsed.components).toEqual([
      expect.objectContaining({
        from: 'component:default/stock',
        to: 'component:default/orders',
        styles: ['mesh'],
      }),
    ]);
  });
});
