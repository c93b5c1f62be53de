import { buildIntegrationGraph, impact } from '../graph';
import { focusSetOf } from './focus';
import {
  buildMapModel,
  filterChoices,
  NO_FILTERS,
  NO_SYSTEM,
} from './mapModel';
import { testCompany, testFindings } from '../testUtils';

const graph = buildIntegrationGraph(testCompany);
const base = {
  collapseIntegrations: false,
  filters: NO_FILTERS,
  findings: testFindings,
};
const ids = (m: ReturnType<typeof buildMapModel>, type?: string) =>
  m.nodes
    .filter(n => !type || n.type === type)
    .map(n => n.id)
    .sort();

describe('buildMapModel', () => {
  it('groups entities in their system boxes; channels sit with their writer', () => {
    const m = buildMapModel(graph, base);
    expect(ids(m, 'group')).toEqual([
      'system:default/ops',
      'system:default/shop',
      NO_SYSTEM,
    ]);
    const parent = (id: string) => m.nodes.find(n => n.id === id)?.parent;
    expect(parent('component:default/cart')).toBe('system:default/shop');
    expect(parent('kafkatopic:default/orders.placed')).toBe(
      'system:default/shop',
    );
    expect(parent('component:default/legacy-report')).toBe(NO_SYSTEM);
    expect(parent('url:https://partner.example.com/hook')).toBe(
      'system:default/ops',
    );
    expect(m.edges.map(e => e.style).sort()).toContain('event');
    expect(m.systemsOnly).toBe(false);
  });

  it('collapses channels into labelled component -> component edges, keeping dangling ones', () => {
    const m = buildMapModel(graph, { ...base, collapseIntegrations: true });
    expect(ids(m)).not.toContain('kafkatopic:default/orders.placed');
    expect(ids(m)).not.toContain('api:default/orders-api');
    // The webhook goes to a URL, not a component: it stays a node.
    expect(ids(m)).toContain('webhook:default/ship-notify');
    const edge = m.edges.find(
      e =>
        e.from === 'component:default/checkout' &&
        e.to === 'component:default/mailer',
    );
    expect(edge).toMatchObject({
      style: 'event',
      label: 'orders.placed',
      sync: false,
    });
    const call = m.edges.find(
      e =>
        e.from === 'component:default/checkout' &&
        e.to === 'component:default/orders',
    );
    expect(call?.label).toContain('orders-api');
  });

  it('filters by owner, system, style and lifecycle', () => {
    const byOwner = buildMapModel(graph, {
      ...base,
      filters: { ...NO_FILTERS, owners: ['group:default/team-shop'] },
    });
    expect(ids(byOwner, 'entity')).toEqual([
      'component:default/cart',
      'component:default/checkout',
    ]);
    const bySystem = buildMapModel(graph, {
      ...base,
      filters: { ...NO_FILTERS, systems: ['system:default/ops'] },
    });
    expect(ids(bySystem, 'group')).toEqual(['system:default/ops']);
    const byStyle = buildMapModel(graph, {
      ...base,
      filters: { ...NO_FILTERS, styles: ['event'] },
    });
    expect(byStyle.edges.every(e => e.style === 'event')).toBe(true);
    expect(ids(byStyle)).not.toContain('webhook:default/ship-notify');
    const byLifecycle = buildMapModel(graph, {
      ...base,
      filters: { ...NO_FILTERS, lifecycles: ['deprecated'] },
    });
    expect(ids(byLifecycle, 'entity')).not.toContain('component:default/cart');
    expect(ids(byLifecycle, 'entity')).toContain(
      'component:default/legacy-report',
    );
    expect(filterChoices(graph).lifecycles).toEqual([
      'deprecated',
      'experimental',
      'production',
    ]);
  });

  it('focus keeps only the neighbourhood, with its side', () => {
    const ref = 'component:default/orders';
    const set = focusSetOf(
      ref,
      impact(graph, ref, { direction: 'downstream', depth: 1 }),
      impact(graph, ref, { direction: 'upstream', depth: 1 }),
    );
    const m = buildMapModel(graph, { ...base, focus: set });
    expect(ids(m, 'entity')).toEqual([
      'api:default/orders-api', // checkout calls orders through it: checkout depends on orders
      'component:default/orders',
      'kafkatopic:default/orders.placed', // orders consumes it
      'webhook:default/ship-notify', // orders sends it
    ]);
    expect(m.nodes.find(n => n.id === ref)?.focus).toBe('center');
    expect(
      m.nodes.find(n => n.id === 'kafkatopic:default/orders.placed')?.focus,
    ).toBe('upstream');
  });

  it('marks nodes and edges in findings', () => {
    const m = buildMapModel(graph, base);
    expect(
      m.nodes.find(n => n.id === 'webhook:default/ship-notify')?.findings,
    ).toHaveLength(1);
    expect(
      m.nodes.find(n => n.id === 'component:default/cart')?.findings,
    ).toHaveLength(0);
    const marked = m.edges.filter(e => e.findings.length);
    expect(marked.map(e => e.id)).toEqual([
      'component:default/orders>webhook:default/ship-notify>webhook',
    ]);
  });

  it('draws one node per system when there are too many entities', () => {
    const m = buildMapModel(graph, { ...base, maxEntityNodes: 3 });
    expect(m.systemsOnly).toBe(true);
    expect(ids(m, 'system')).toEqual([
      'system:default/ops',
      'system:default/shop',
      NO_SYSTEM,
    ]);
    expect(
      m.edges.find(
        e => e.from === 'system:default/shop' && e.to === 'system:default/ops',
      ),
    ).toBeDefined();
    expect(
      buildMapModel(graph, { ...base, maxEntityNodes: 3, expandAll: true })
        .systemsOnly,
    ).toBe(false);
  });

  it('draws the company view when asked, whatever the size, but not in focus mode', () => {
    expect(
      buildMapModel(graph, { ...base, systemsView: true }).systemsOnly,
    ).toBe(true);
    const focus = new Map([['component:default/cart', 'center' as const]]);
    expect(
      buildMapModel(graph, { ...base, systemsView: true, focus }).systemsOnly,
    ).toBe(false);
  });
});
