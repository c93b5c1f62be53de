import { api, component, runRule } from '../testEntities';
import { meshUndeclaredCallRule } from './meshUndeclaredCall';
import { allowPolicy, istioMesh } from './meshTestData';

const entities = [
  api('orders-api'),
  component('orders', { providesApis: ['orders-api'] }),
  component('checkout', { consumesApis: ['orders-api'] }),
  component('stock'),
  component('reports'),
];

describe('mesh/undeclared-call', () => {
  it('reports an allowed call and an observed call the catalog does not declare', () => {
    const mesh = istioMesh(allowPolicy('orders', ['checkout', 'stock']), [
      {
        source: 'component:default/reports',
        destination: 'component:default/stock',
        requests: 42,
      },
    ]);
    const findings = runRule(meshUndeclaredCallRule, entities, {
      liveData: { meshes: [mesh] },
    });
    expect(findings.map(f => f.message)).toEqual([
      'component:default/reports calls component:default/stock, not declared in the catalog: 42 requests observed',
      'component:default/stock calls component:default/orders, not declared in the catalog: the mesh allows it (AuthorizationPolicy shop/orders-callers)',
    ]);
    expect(findings[1].entityRefs).toEqual([
      'component:default/stock',
      'component:default/orders',
    ]);
  });

  it('does not report an allowed call declared through consumesApis (near miss)', () => {
    const mesh = istioMesh(allowPolicy('orders', ['checkout']), [
      {
        source: 'component:default/checkout',
        destination: 'component:default/orders',
        requests: 10,
      },
    ]);
    expect(
      runRule(meshUndeclaredCallRule, entities, {
        liveData: { meshes: [mesh] },
      }),
    ).toEqual([]);
  });

  it('is skipped without a configured mesh', () => {
    expect(
      meshUndeclaredCallRule.skipReason!({} as any, {
        now: new Date(),
        liveData: {},
      }),
    ).toMatch(/interchange\.meshes/);
  });
});
