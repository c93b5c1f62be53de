import { buildIntegrationGraph } from '@interchange/plugin-interchange-common';
import { buildMapModel, MapModel, NO_FILTERS } from './mapModel';
import { LAYERED_BOXES_MAX, layoutMap, toElkJobs } from './layout';
import { elkPoolSize, elkRunsInWorker, getElkPool } from './createElk';
import { LAYOUT_CACHE_KEY } from './layoutCache';
import { testCompany } from './testCompany';

describe('layoutMap', () => {
  const model = buildMapModel(buildIntegrationGraph(testCompany), {
    collapseIntegrations: false,
    filters: NO_FILTERS,
    findings: [],
  });

  it('makes one job per system box, and a root job linking the boxes by their members edges', () => {
    const { groups, root } = toElkJobs(model);
    const shop = groups.find(c => c.id === 'system:default/shop')!;
    expect(shop.children!.map(c => c.id)).toContain('component:default/cart');
    expect(shop.layoutOptions!['elk.algorithm']).toBe('layered');
    expect(root.children!.map(c => c.id)).toContain('system:default/shop');
    expect(root.layoutOptions!['elk.algorithm']).toBe('layered');
    expect(root.edges!.map(e => e.id)).toContain(
      '__between:system:default/shop>system:default/ops',
    );
  });

  it('lays every node out with ELK (in this thread: jsdom has no Worker)', async () => {
    expect(elkRunsInWorker()).toBe(false);
    expect(elkPoolSize()).toBe(1);
    const placements = await layoutMap(model);
    for (const n of model.nodes) expect(placements.has(n.id)).toBe(true);
    const box = placements.get('system:default/shop')!;
    const cart = placements.get('component:default/cart')!;
    // Relative to its box, and inside it.
    expect(cart.x + cart.width).toBeLessThanOrEqual(box.width);
    expect(cart.y + cart.height).toBeLessThanOrEqual(box.height);
  });

  it('answers an unchanged map from its cache, without ELK, and keeps it in localStorage', async () => {
    const first = await layoutMap(model);
    const [elk] = await getElkPool();
    const layout = jest.spyOn(elk, 'layout');
    try {
      const again = await layoutMap(model);
      expect(layout).not.toHaveBeenCalled();
      expect(again).toEqual(first);
    } finally {
      layout.mockRestore();
    }
    await new Promise(r => setTimeout(r, 2100));
    expect(localStorage.getItem(LAYOUT_CACHE_KEY)).toContain(
      'component:default/cart',
    );
  });

  it('packs many system boxes with rectpacking, without overlaps, into a screen-like shape', async () => {
    const nodes: MapModel['nodes'] = [];
    const edges: MapModel['edges'] = [];
    const systems = LAYERED_BOXES_MAX + 5;
    for (let s = 0; s < systems; s++) {
      const g = `system:default/s${String(s).padStart(2, '0')}`;
      nodes.push({
        id: g,
        type: 'group',
        label: g,
        kind: 'system',
        findings: [],
      });
      for (let c = 0; c < 1 + (s % 4); c++) {
        nodes.push({
          id: `component:default/s${s}-c${c}`,
          type: 'entity',
          label: `c${c}`,
          kind: 'component',
          parent: g,
          findings: [],
        });
      }
      if (s > 0) {
        edges.push({
          id: `e${s}`,
          from: `component:default/s${s - 1}-c0`,
          to: `component:default/s${s}-c0`,
          style: 'event',
          styles: ['event'],
          sync: false,
          channels: [],
          findings: [],
        });
      }
    }
    const many: MapModel = {
      nodes,
      edges,
      entityCount: nodes.length - systems,
      systemsOnly: false,
    };
    const { root } = toElkJobs(many);
    expect(root.layoutOptions!['elk.algorithm']).toBe('rectpacking');
    const placements = await layoutMap(many);
    const boxes = nodes
      .filter(n => n.type === 'group')
      .map(n => placements.get(n.id)!);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
    const width = Math.max(...boxes.map(b => b.x + b.width));
    const height = Math.max(...boxes.map(b => b.y + b.height));
    expect(width / height).toBeGreaterThan(0.8);
    expect(width / height).toBeLessThan(4);
  });
});
