import { buildIntegrationGraph } from '@interchange/plugin-interchange-common';
import { buildMapModel, NO_FILTERS } from './mapModel';
import { layoutMap, toElkGraph } from './layout';
import { elkRunsInWorker } from './createElk';
import { testCompany } from './testCompany';

describe('layoutMap', () => {
  const model = buildMapModel(buildIntegrationGraph(testCompany), {
    collapseIntegrations: false,
    filters: NO_FILTERS,
    findings: [],
  });

  it('puts members inside their system boxes, boxes linked by their members edges', () => {
    const elk = toElkGraph(model);
    const shop = elk.children!.find(c => c.id === 'system:default/shop')!;
    expect(shop.children!.map(c => c.id)).toContain('component:default/cart');
    expect(elk.edges!.map(e => e.id)).toContain(
      '__between:system:default/shop>system:default/ops',
    );
  });

  it('lays every node out with ELK (in this thread: jsdom has no Worker)', async () => {
    expect(elkRunsInWorker()).toBe(false);
    const placements = await layoutMap(model);
    for (const n of model.nodes) expect(placements.has(n.id)).toBe(true);
    const box = placements.get('system:default/shop')!;
    const cart = placements.get('component:default/cart')!;
    // Relative to its box, and inside it.
    expect(cart.x + cart.width).toBeLessThanOrEqual(box.width);
    expect(cart.y + cart.height).toBeLessThanOrEqual(box.height);
  });
});
