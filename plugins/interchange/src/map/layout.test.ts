import {
  buildIntegrationGraph,
  buildMapModel,
  hashJob,
  LAYERED_BOXES_MAX,
  MapModel,
  NO_FILTERS,
  toElkJobs,
  toMapLayoutPlacement,
} from '@interchange/plugin-interchange-common';
import { layoutMap, seedLayouts } from './layout';
import { elkPoolSize, elkRunsInWorker, getElkPool } from './createElk';
import { LAYOUT_CACHE_KEY } from './layoutCache';
import { testCompany } from '@interchange/plugin-interchange-common/testUtils';

describe('layoutMap', () => {
  const model = buildMapModel(buildIntegrationGraph(testCompany), {
    collapseIntegrations: false,
    filters: NO_FILTERS,
    findings: [],
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

  it('places a job the backend served (same hash) without ELK, and lays out the others', async () => {
    // A model no earlier test laid out, so nothing of it is cached.
    const other = buildMapModel(
      buildIntegrationGraph(testCompany.filter(e => e.kind !== 'API')),
      { collapseIntegrations: true, filters: NO_FILTERS, findings: [] },
    );
    const { groups } = toElkJobs(other);
    const shop = groups.find(g => g.id === 'system:default/shop')!;
    const shopHash = hashJob(JSON.stringify(shop));
    // Positions as the backend serves them: no ids, in the job's order.
    const served = toMapLayoutPlacement(shop, {
      width: 999,
      height: 555,
      children: shop.children!.map((c, i) => [c.id, 16, 40 + 60 * i, 190, 46]),
    });
    seedLayouts([{ hash: shopHash, job: served }]);
    const [elk] = await getElkPool();
    const layout = jest.spyOn(elk, 'layout');
    try {
      const placements = await layoutMap(other);
      const laidOut = layout.mock.calls.map(([job]) => job.id);
      expect(laidOut).not.toContain('system:default/shop');
      expect(laidOut.length).toBeGreaterThan(0); // the other systems, the root
      expect(placements.get(shop.children![1].id)).toEqual({
        x: 16,
        y: 100,
        width: 190,
        height: 46,
      });
      // The root job placed the box at the served size.
      expect(placements.get('system:default/shop')).toMatchObject({
        width: 999,
        height: 555,
      });
    } finally {
      layout.mockRestore();
    }
  });
});
