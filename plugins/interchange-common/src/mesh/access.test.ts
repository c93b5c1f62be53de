import { meshDecisionBetween, resolveMeshAccess } from './access';
import { componentMeshIdentities } from './identity';
import { parseMeshConfig } from './parseMeshConfig';

const files = parseMeshConfig(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: orders-allow, namespace: shop}
spec:
  selector: {matchLabels: {app: order-service}}
  rules:
  - from: [{source: {principals: ["cluster.local/ns/web/sa/checkout-service", "cluster.local/ns/web/sa/cart-service", "cluster.local/ns/ops/sa/unknown-job"]}}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: orders-deny, namespace: shop}
spec:
  action: DENY
  selector: {matchLabels: {app: order-service}}
  rules:
  - from: [{source: {principals: ["cluster.local/ns/web/sa/cart-service"]}}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: open, namespace: shop}
spec:
  selector: {matchLabels: {app: catalog}}
  rules: [{}]
`);
const c = (name: string, annotation?: string) => ({
  ref: `component:default/${name}`,
  identities: componentMeshIdentities(name, annotation),
});
const components = [
  c('checkout-service'),
  c('cart', 'istio:web/cart-service'),
  c('orders', 'istio:shop/order-service'),
  c('catalog'),
];

describe('resolveMeshAccess', () => {
  it('mayCall from allow rules; a deny wins; any-source rules and unmapped identities are listed', () => {
    const r = resolveMeshAccess(files, components);
    expect(r.mayCall.map(m => [m.source, m.destination])).toEqual([
      ['component:default/checkout-service', 'component:default/orders'],
    ]);
    expect(r.overridden).toEqual([
      expect.objectContaining({
        source: 'component:default/cart',
        destination: 'component:default/orders',
        reason: expect.stringContaining('orders-deny'),
      }),
    ]);
    expect(r.allowAny.map(x => x.policy)).toEqual([
      'AuthorizationPolicy shop/open',
    ]);
    expect(r.unmapped).toEqual([
      {
        identity: 'istio:ops/unknown-job',
        side: 'source',
        policy: 'AuthorizationPolicy shop/orders-allow',
      },
    ]);
  });
  it('meshDecisionBetween: a declared dependency the mesh refuses', () => {
    expect(
      meshDecisionBetween(files, components[1], components[2])?.decision,
    ).toBe('deny');
    expect(
      meshDecisionBetween(files, components[0], components[2])?.decision,
    ).toBe('allow');
  });
  it('a malformed annotation names the annotation and the fix', () => {
    expect(() => componentMeshIdentities('x', 'istio:orders')).toThrow(
      "interchange.dev/mesh-identity: 'istio:orders': istio identities name a namespace and a service account",
    );
  });
});
