import { component, runRule } from '../testEntities';
import { meshUnusedAllowRule } from './meshUnusedAllow';
import { allowPolicy, istioMesh } from './meshTestData';

const entities = [component('orders'), component('web'), component('stock')];

describe('mesh/unused-allow', () => {
  it('reports an allowed call with no request in the window', () => {
    const mesh = istioMesh(allowPolicy('orders', ['web', 'stock']), [
      {
        source: 'component:default/web',
        destination: 'component:default/orders',
        requests: 120,
      },
    ]);
    const findings = runRule(meshUnusedAllowRule, entities, {
      liveData: { meshes: [mesh] },
    });
    expect(findings.map(f => f.message)).toEqual([
      'mesh shop-mesh allows component:default/stock to call component:default/orders (AuthorizationPolicy shop/orders-callers), but no request was observed in the last 7 d',
    ]);
  });

  it('says nothing about traffic when the mesh has no metrics (near miss)', () => {
    const mesh = istioMesh(allowPolicy('orders', ['web', 'stock']));
    const liveData = { meshes: [mesh] };
    expect(runRule(meshUnusedAllowRule, entities, { liveData })).toEqual([]);
    expect(
      meshUnusedAllowRule.skipReason!({} as any, { now: new Date(), liveData }),
    ).toMatch(/prometheusUrl/);
  });
});
