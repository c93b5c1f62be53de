import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ComponentIndex } from './componentIndex';

const component = (name: string, extra: Partial<Entity['spec']> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'interchange.dev/upstream-hosts': `${name}.example` },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production', ...extra },
});

function setup(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const getEntities = jest.spyOn(catalog, 'getEntities');
  let now = 1_000;
  const index = new ComponentIndex({
    catalog,
    auth: mockServices.auth(),
    now: () => now,
  });
  return {
    catalog,
    getEntities,
    index,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ComponentIndex', () => {
  it('serves one lookup of components (only the fields linking reads) for 10 s, shared by concurrent callers', async () => {
    const { index, getEntities, advance } = setup([
      component('order-service'),
      { ...component('orders-api'), kind: 'API' },
    ]);
    const [a, b] = await Promise.all([index.snapshot(), index.snapshot()]);
    expect(a).toBe(b);
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities.mock.calls[0][0]).toMatchObject({
      filter: { kind: 'Component' },
      fields: expect.arrayContaining([
        'metadata.annotations.interchange.dev/upstream-hosts',
        'spec.owner',
      ]),
    });
    expect(a.components.map(c => c.metadata.name)).toEqual(['order-service']);
    expect(a.match({ kind: 'url', host: 'order-service.example' })).toBe(
      a.components[0],
    );
    advance(10_000);
    await index.snapshot();
    expect(getEntities).toHaveBeenCalledTimes(1);
    advance(1);
    await index.snapshot();
    expect(getEntities).toHaveBeenCalledTimes(2);
  });

  it('does not keep an empty catalog or a failed lookup', async () => {
    const { index, getEntities } = setup([]);
    expect((await index.snapshot()).components).toEqual([]);
    await index.snapshot();
    expect(getEntities).toHaveBeenCalledTimes(2);
    getEntities.mockRejectedValueOnce(new Error('catalog unavailable'));
    await expect(index.snapshot()).rejects.toThrow('catalog unavailable');
    await index.snapshot();
    expect(getEntities).toHaveBeenCalledTimes(4);
  });

  it('tells subscribers when the components linking reads change, not otherwise', async () => {
    const { index, catalog, advance } = setup([]);
    const seen: string[][] = [];
    const unsubscribe = index.subscribe(s =>
      seen.push(s.components.map(c => c.metadata.name)),
    );
    await index.snapshot(); // empty: the catalog is still starting
    const getEntities = jest.spyOn(catalog, 'getEntities');
    getEntities.mockResolvedValue({ items: [component('order-service')] });
    await index.snapshot();
    advance(20_000);
    await index.snapshot(); // the same
    getEntities.mockResolvedValue({
      items: [component('order-service', { owner: 'team-b' })],
    });
    advance(20_000);
    await index.snapshot();
    await Promise.resolve();
    expect(seen).toEqual([['order-service'], ['order-service']]);
    unsubscribe();
    getEntities.mockResolvedValue({ items: [] });
    advance(20_000);
    await index.snapshot();
    await Promise.resolve();
    expect(seen).toHaveLength(2);
  });
});
