import {
  buildIntegrationGraph,
  buildMapModel,
  NO_FILTERS,
} from '@interchange/plugin-interchange-common';
import { layoutMap } from './layout';
import {
  absoluteRects,
  buildOverview,
  isBigMap,
  nodeAt,
  OUTLINE_MIN_NODES,
} from './overview';
import { testCompany, testFindings } from '@interchange/plugin-interchange-common/testUtils';
import {
  SEVERITY_COLORS,
  STYLE_COLORS,
} from '../components/IntegrationMapPage/mapStyles';

describe('the overview of a big map', () => {
  const model = buildMapModel(buildIntegrationGraph(testCompany), {
    collapseIntegrations: false,
    filters: NO_FILTERS,
    findings: testFindings,
  });

  it('is only for maps of OUTLINE_MIN_NODES nodes or more', () => {
    expect(isBigMap(model)).toBe(false);
    const big = {
      ...model,
      nodes: Array.from({ length: OUTLINE_MIN_NODES }, (_, i) => ({
        ...model.nodes[0],
        id: `n${i}`,
      })),
    };
    expect(isBigMap(big)).toBe(true);
  });

  it("places members in map coordinates (their box's offset added), boxes left out", async () => {
    const placements = await layoutMap(model);
    const rects = absoluteRects(model, placements);
    const box = placements.get('system:default/shop')!;
    const cart = placements.get('component:default/cart')!;
    expect(rects.get('component:default/cart')).toMatchObject({
      x: box.x + cart.x,
      y: box.y + cart.y,
      width: cart.width,
      height: cart.height,
      label: 'cart',
    });
    expect(rects.has('system:default/shop')).toBe(false);
    const drawn = model.nodes.filter(n => n.type !== 'group').length;
    expect(rects.size).toBe(drawn);
  });

  it('paints every edge and node in a few layers: edges first, marked ones in their severity colour', async () => {
    const placements = await layoutMap(model);
    const scene = buildOverview(model, placements);
    const curves = scene.layers
      .filter(l => l.d.includes('C'))
      .reduce((n, l) => n + (l.d.match(/M/g)?.length ?? 0), 0);
    expect(curves).toBe(model.edges.length);
    const boxes = scene.layers
      .filter(l => l.screenWidth === 0)
      .reduce((n, l) => n + (l.d.match(/M/g)?.length ?? 0), 0);
    expect(boxes).toBe(scene.rects.length);
    // Edges under nodes: every curve layer comes before every fill.
    const lastCurve = scene.layers
      .map(l => l.d.includes('C'))
      .lastIndexOf(true);
    const firstFill = scene.layers.findIndex(l => l.screenWidth === 0);
    expect(lastCurve).toBeLessThan(firstFill);
    // A marked node is outlined in its worst finding's colour.
    const marked = model.nodes.find(
      n => n.findings.length && scene.rects.some(r => r.id === n.id),
    )!;
    const r = scene.rects.find(x => x.id === marked.id)!;
    const outline = scene.layers.find(
      l => l.screenWidth === 2 && l.d.includes(`M${r.x} ${r.y}h`),
    );
    expect(Object.values(SEVERITY_COLORS)).toContain(outline?.color);
    // Unmarked edges are one half-transparent pixel in their style's colour.
    const plain = scene.layers.find(
      l => l.d.includes('C') && l.screenWidth === 1,
    );
    expect(Object.values(STYLE_COLORS)).toContain(plain?.color);
    expect(plain?.opacity).toBeLessThan(1);
  });

  it('outlines the selected node in black, three pixels', async () => {
    const placements = await layoutMap(model);
    const scene = buildOverview(model, placements, {
      type: 'node',
      id: 'component:default/cart',
    });
    const r = scene.rects.find(x => x.id === 'component:default/cart')!;
    expect(scene.layers.at(-1)).toMatchObject({
      color: '#000',
      screenWidth: 3,
      d: `M${r.x} ${r.y}h${r.width}v${r.height}h${-r.width}Z`,
    });
  });

  it('finds the node under a point, with some slack for small outlines', async () => {
    const placements = await layoutMap(model);
    const scene = buildOverview(model, placements);
    const r = scene.rects.find(x => x.id === 'component:default/cart')!;
    expect(nodeAt(scene, r.x + 1, r.y + 1)?.id).toBe('component:default/cart');
    expect(nodeAt(scene, r.x - 5, r.y)).toBeUndefined();
    expect(nodeAt(scene, r.x - 5, r.y, 10)?.id).toBe('component:default/cart');
    expect(nodeAt(scene, -1e6, -1e6)).toBeUndefined();
  });
});
