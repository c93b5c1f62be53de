import { MESH_TYPES, MeshIdentityPattern, MeshType } from './types';

/**
 * Annotation on a Component naming the mesh identities it runs as,
 * comma-separated: `istio:<namespace>/<service account>`,
 * `linkerd:<namespace>/<service account>`, `consul:<service>` or
 * `consul:<namespace>/<service>`. An Istio or Linkerd destination selected
 * by labels is named by its `app` (or `app.kubernetes.io/name`) label, so
 * list that too when it differs from the service account.
 *
 * @public
 */
export const ANNOTATION_MESH_IDENTITY = 'interchange.dev/mesh-identity';

/** `istio:orders/order-service` as a pattern; throws naming the fix. @public */
export function parseMeshIdentity(text: string): MeshIdentityPattern {
  const match = /^([a-z]+):(?:([^/\s]+)\/)?([^/\s]+)$/.exec(text.trim());
  if (!match || !MESH_TYPES.includes(match[1] as MeshType)) {
    throw new Error(
      `'${text}' is not a mesh identity; write <mesh>:<namespace>/<service account> (istio, linkerd) or consul:<service>, e.g. istio:orders/order-service`,
    );
  }
  const mesh = match[1] as MeshType;
  if (mesh !== 'consul' && match[2] === undefined) {
    throw new Error(
      `'${text}': ${mesh} identities name a namespace and a service account, e.g. ${mesh}:orders/order-service`,
    );
  }
  return { mesh, namespace: match[2], name: match[3] };
}

/** The text form, `istio:orders/order-service`. @public */
export function formatMeshIdentity(identity: MeshIdentityPattern): string {
  return `${identity.mesh}:${
    identity.namespace !== undefined ? `${identity.namespace}/` : ''
  }${identity.name}`;
}

/**
 * The identities a component stands for: those of the
 * `interchange.dev/mesh-identity` annotation, else (the documented default)
 * its name as service account (Istio, Linkerd; any namespace) and as Consul
 * service. Throws for a malformed annotation, naming the entry.
 *
 * @public
 */
export function componentMeshIdentities(
  name: string,
  annotation?: string,
): MeshIdentityPattern[] {
  const entries = (annotation ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  if (!entries.length) {
    return [
      { mesh: 'istio', namespace: '*', name },
      { mesh: 'linkerd', namespace: '*', name },
      { mesh: 'consul', name },
    ];
  }
  return entries.map(entry => {
    try {
      return parseMeshIdentity(entry);
    } catch (e) {
      throw new Error(`${ANNOTATION_MESH_IDENTITY}: ${(e as Error).message}`);
    }
  });
}

/**
 * Whether `value` matches `glob` (`*` matches any characters). Patterns come
 * from policy files, so they are matched without a regular expression: a
 * glob of several `*` as `^a.*b.*c$` backtracks polynomially (a pattern of
 * many stars against a long name stalls the backend). This walk keeps one
 * restart point, the last `*`, so it takes at most
 * glob length x value length steps.
 *
 * @public
 */
export function matchesGlob(glob: string, value: string): boolean {
  if (glob === '*' || glob === value) return true;
  if (!glob.includes('*')) return false;
  let g = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    if (g < glob.length && glob[g] === '*') {
      star = g++;
      mark = v;
    } else if (g < glob.length && glob[g] === value[v]) {
      g++;
      v++;
    } else if (star >= 0) {
      // The last `*` takes one more character; retry what follows it.
      g = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}

/**
 * Whether a rule's pattern covers an identity. An identity's `*` namespace
 * (a component's default identity) matches any namespace; a missing
 * namespace on either side (Consul without namespaces) is not compared.
 *
 * @public
 */
export function meshIdentityMatches(
  pattern: MeshIdentityPattern,
  identity: MeshIdentityPattern,
): boolean {
  if (pattern.mesh !== identity.mesh) return false;
  if (
    pattern.namespace !== undefined &&
    identity.namespace !== undefined &&
    identity.namespace !== '*' &&
    !matchesGlob(pattern.namespace, identity.namespace)
  ) {
    return false;
  }
  if (identity.name.includes('*')) {
    // Two patterns: they overlap when one covers the other's fixed text.
    return (
      matchesGlob(identity.name, pattern.name) ||
      matchesGlob(pattern.name, identity.name)
    );
  }
  return matchesGlob(pattern.name, identity.name);
}

/** Whether a pattern lets any workload of the mesh in. @public */
export function isAnyIdentity(pattern: MeshIdentityPattern): boolean {
  return (
    pattern.name === '*' &&
    (pattern.namespace === undefined || pattern.namespace === '*')
  );
}
