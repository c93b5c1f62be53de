import { render, screen, waitFor } from '@testing-library/react';
import { MapModel, MapNode } from '@interchange/plugin-interchange-common';
import { OUTLINE_MIN_NODES } from '../../map/overview';
import { installFlowTestShims } from '../../map/flowTestShims';
import { MapCanvas } from './MapCanvas';

installFlowTestShims();

/** `systems` system boxes of `members` components each, chained by calls. */
function company(systems: number, members: number): MapModel {
  const nodes: MapNode[] = [];
  const edges: MapModel['edges'] = [];
  for (let s = 0; s < systems; s++) {
    const group = `system:default/s${s}`;
    nodes.push({
      id: group,
      type: 'group',
      label: `s${s}`,
      kind: 'system',
      findings: [],
    });
    for (let m = 0; m < members; m++) {
      const id = `component:default/s${s}-c${m}`;
      nodes.push({
        id,
        type: 'entity',
        label: `s${s}-c${m}`,
        kind: 'component',
        parent: group,
        findings: [],
      });
      if (m > 0 && m < 6) {
        edges.push({
          id: `e${s}-${m}`,
          from: `component:default/s${s}-c${m - 1}`,
          to: id,
          style: 'http',
          styles: ['http'],
          sync: true,
          channels: [],
          findings: [],
        });
      }
    }
  }
  return { nodes, edges, entityCount: systems * members, systemsOnly: false };
}

async function drawn() {
  await waitFor(
    () =>
      expect(screen.getByTestId('integration-map')).toHaveAttribute(
        'data-status',
        'ready',
      ),
    { timeout: 60_000 },
  );
  return screen.getByTestId('integration-map');
}

describe('MapCanvas', () => {
  it('draws a small map as React Flow nodes, every one mounted', async () => {
    render(<MapCanvas model={company(3, 4)} height={600} />);
    const map = await drawn();
    expect(map).toHaveAttribute('data-drawing', 'nodes');
    expect(screen.queryByTestId('map-overview')).toBeNull();
    expect(screen.getAllByTestId('map-node')).toHaveLength(12);
    expect(screen.getAllByTestId('map-system')).toHaveLength(3);
  });

  it(`draws a big map (${OUTLINE_MIN_NODES} nodes or more) fitted to the view as the overview: system boxes as nodes, entities and edges on one canvas`, async () => {
    const model = company(21, 48);
    expect(model.nodes.length).toBeGreaterThanOrEqual(OUTLINE_MIN_NODES);
    render(<MapCanvas model={model} height={600} />);
    const map = await drawn();
    expect(map).toHaveAttribute('data-drawing', 'overview');
    // Every node is laid out and drawn, the entities on the canvas.
    expect(map).toHaveAttribute('data-nodes', String(model.nodes.length));
    expect(map).toHaveAttribute('data-edges', String(model.edges.length));
    expect(screen.getByTestId('map-overview').tagName).toBe('CANVAS');
    expect(screen.queryAllByTestId('map-node')).toHaveLength(0);
    expect(screen.getAllByTestId('map-system')).toHaveLength(21);
  }, 90_000);
});
