import { component, runRule } from '../testEntities';
import { meshAllowAnyRule } from './meshAllowAny';
import { allowPolicy, istioMesh } from './meshTestData';

const anyPolicy = (rule: string) => `
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: orders-open, namespace: shop }
spec:
  selector: { matchLabels: { app: orders } }
  action: ALLOW
  rules:
    - from:
        - source:
            ${rule}
`;

describe('mesh/allow-any', () => {
  it('reports a policy letting any principal in, on the component it guards', () => {
    const findings = runRule(
      meshAllowAnyRule,
      [component('orders'), component('web')],
      { liveData: { meshes: [istioMesh(anyPolicy('principals: ["*"]'))] } },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/orders',
        message: expect.stringContaining(
          'AuthorizationPolicy shop/orders-open (mesh shop-mesh) lets any source',
        ),
      }),
    ]);
  });

  it('does not report a policy naming its callers (near miss)', () => {
    expect(
      runRule(meshAllowAnyRule, [component('orders'), component('web')], {
        liveData: { meshes: [istioMesh(allowPolicy('orders', ['web']))] },
      }),
    ).toEqual([]);
  });
});
