import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { IntegrationGraphCache } from './IntegrationGraphCache';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

describe('IntegrationGraphCache', () => {
  it('reads every page of the catalog, of the graph kinds only', async () => {
    const entities = [
      ...Array.from({ length: 1203 }, (_, i) => component(`c${i}`)),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Location',
        metadata: { name: 'somewhere' },
        spec: { targets: [] },
      },
    ];
    const catalog = catalogServiceMock({ entities });
    const spy = jest.spyOn(catalog, 'queryEntities');
    const cache = new IntegrationGraphCache({
      catalog,
      auth: mockServices.auth(),
    });
    const graph = await cache.get();
    expect(graph.nodes.size).toBe(1203);
    expect(graph.known.has('location:default/somewhere')).toBe(false);
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('reuses a graph younger than maxAgeMs and shares one build', async () => {
    let now = 0;
    const catalog = catalogServiceMock({ entities: [component('a')] });
    const spy = jest.spyOn(catalog, 'queryEntities');
    const cache = new IntegrationGraphCache({
      catalog,
      auth: mockServices.auth(),
      maxAgeMs: 1000,
      now: () => now,
    });
    const [g1, g2] = await Promise.all([cache.get(), cache.get()]);
    expect(g1).toBe(g2);
    expect(spy).toHaveBeenCalledTimes(1);
    now = 999;
    expect(await cache.get()).toBe(g1);
    now = 1000;
    expect(await cache.get()).not.toBe(g1);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed build', async () => {
    const catalog = catalogServiceMock({ entities: [component('a')] });
    jest
      .spyOn(catalog, 'queryEntities')
      .mockRejectedValueOnce(new Error('catalog down'));
    const cache = new IntegrationGraphCache({
      catalog,
      auth: mockServices.auth(),
    });
    await expect(cache.get()).rejects.toThrow('catalog down');
    expect((await cache.get()).nodes.size).toBe(1);
  });
});
