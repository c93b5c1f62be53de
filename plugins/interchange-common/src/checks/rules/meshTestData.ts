/*
 * Mesh policies for the mesh/* rule tests (not exported by the package).
 */
import { parseMeshConfig } from '../../mesh/parseMeshConfig';
import { MeshAccessData } from '../../mesh/compareMeshAccess';

/** An Istio mesh from AuthorizationPolicy YAML. */
export function istioMesh(
  yaml: string,
  observed?: MeshAccessData['observed'],
): MeshAccessData {
  const parsed = parseMeshConfig(yaml, { mesh: 'istio' });
  return {
    id: 'shop-mesh',
    type: 'istio',
    rules: parsed.rules,
    defaultDeny: parsed.defaultDeny,
    ...(observed ? { observed, windowSeconds: 7 * 86400 } : {}),
  };
}

/** ALLOW `callers` (service accounts in ns `shop`) into the workload `app`. */
export const allowPolicy = (app: string, callers: string[]) => `
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: ${app}-callers, namespace: shop }
spec:
  selector: { matchLabels: { app: ${app} } }
  action: ALLOW
  rules:
    - from:
        - source:
            principals: [${callers
              .map(c => `cluster.local/ns/shop/sa/${c}`)
              .join(', ')}]
`;

/** DENY `callers` into `app`, optionally on some paths only. */
export const denyPolicy = (
  app: string,
  callers: string[],
  paths?: string[],
) => `
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: ${app}-deny, namespace: shop }
spec:
  selector: { matchLabels: { app: ${app} } }
  action: DENY
  rules:
    - from:
        - source:
            principals: [${callers
              .map(c => `cluster.local/ns/shop/sa/${c}`)
              .join(', ')}]
${paths ? `      to: [{ operation: { paths: [${paths.join(', ')}] } }]` : ''}
`;
