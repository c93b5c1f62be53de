/** The service meshes Interchange reads. @public */
export type MeshType = 'istio' | 'linkerd' | 'consul';

/** The mesh types, for validation and messages. @public */
export const MESH_TYPES: readonly MeshType[] = ['istio', 'linkerd', 'consul'];

/**
 * What a rule does when it matches. `custom` (Istio CUSTOM) hands the
 * decision to an external authorizer; `audit` (Istio AUDIT) never changes it.
 *
 * @public
 */
export type MeshRuleAction = 'allow' | 'deny' | 'custom' | 'audit';

/**
 * One side of a rule as a pattern over mesh identities: `*` in either part
 * matches any characters (Istio's prefix/suffix/presence matches, Linkerd's
 * `*.` domains, Consul's `*`). `namespace` is absent for Consul services
 * outside Enterprise namespaces.
 *
 * @public
 */
export interface MeshIdentityPattern {
  mesh: MeshType;
  namespace?: string;
  name: string;
}

/**
 * One source -> destination rule a mesh file declares, with `source` and
 * `destination` as the file names them (principal, service account,
 * service name, `*`).
 *
 * @public
 */
export interface MeshRule {
  mesh: MeshType;
  /** The policy it comes from, e.g. `AuthorizationPolicy foo/httpbin-deny`. */
  policy: string;
  source: string;
  /** What `source` is: `principal`, `namespace`, `serviceAccount`, `service`, `identity`, `any`, `unauthenticated`, `network`, `requestPrincipal`. */
  sourceKind: string;
  /** The identities `source` stands for; absent when it names no workload (an IP block, a JWT principal, a malformed principal). */
  sourceIdentity?: MeshIdentityPattern;
  destination: string;
  destinationIdentity?: MeshIdentityPattern;
  action: MeshRuleAction;
  /** Empty: any. */
  ports: string[];
  /** Empty: any. `*` prefix/suffix as the mesh writes them; `~` starts a regular expression. */
  paths: string[];
  /** Upper case; empty: any. */
  methods: string[];
  /** Everything else that narrows the rule (not* fields, headers, `when`, networks, other ANDed fields). */
  conditions: string[];
  /** Consul: the intention's precedence (9 most specific .. 1); first matching permission decides within one intention. */
  precedence?: number;
  /** Consul L7 permissions: the index of this permission in its intention (first match wins). */
  order?: number;
  /** External authorizer of an Istio CUSTOM policy. */
  provider?: string;
  /** 0-based document in its file and the place in it. */
  location: { document: number; place: string };
}

/**
 * A destination whose traffic is denied unless a rule allows it: an Istio
 * workload with an ALLOW policy, a Linkerd Server, a Consul default deny.
 *
 * @public
 */
export interface MeshDefaultDeny {
  mesh: MeshType;
  destination: string;
  destinationIdentity?: MeshIdentityPattern;
  reason: string;
}

/** Something a mesh parser did not turn into rules, and why. @public */
export interface MeshSkippedItem {
  document: number;
  kind: string;
  name?: string;
  reason: string;
}

/** The rules of one or several mesh files. @public */
export interface MeshParseResult {
  /** The meshes found, in the order first seen. */
  meshes: MeshType[];
  rules: MeshRule[];
  defaultDeny: MeshDefaultDeny[];
  skipped: MeshSkippedItem[];
}
