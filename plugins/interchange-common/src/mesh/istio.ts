import {
  MeshDefaultDeny,
  MeshIdentityPattern,
  MeshRule,
  MeshRuleAction,
  MeshSkippedItem,
} from './types';

const ROOT_NAMESPACE = 'istio-system';
const ACTIONS: Record<string, MeshRuleAction> = {
  ALLOW: 'allow',
  DENY: 'deny',
  CUSTOM: 'custom',
  AUDIT: 'audit',
};

/** Whether a document is an Istio AuthorizationPolicy. */
export function isIstioAuthorizationPolicy(doc: Record<string, any>): boolean {
  return (
    doc.kind === 'AuthorizationPolicy' &&
    typeof doc.apiVersion === 'string' &&
    doc.apiVersion.startsWith('security.istio.io/')
  );
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value
        .filter(v => typeof v === 'string' || typeof v === 'number')
        .map(String)
    : [];
}

/** `cluster.local/ns/orders/sa/order-service` -> orders / order-service. */
function principalIdentity(principal: string): MeshIdentityPattern | undefined {
  if (principal === '*') return { mesh: 'istio', namespace: '*', name: '*' };
  const m = /^(?:[^/]*\/)?ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal);
  if (m) return { mesh: 'istio', namespace: m[1], name: m[2] };
  // `spiffe://td/ns/x/sa/y` style with a scheme.
  const s = /^spiffe:\/\/[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal);
  return s ? { mesh: 'istio', namespace: s[1], name: s[2] } : undefined;
}

interface Destination {
  name: string;
  identity: MeshIdentityPattern;
}

function destinationOf(
  doc: Record<string, any>,
  namespace: string,
): Destination {
  const spec = doc.spec ?? {};
  const labels: Record<string, string> = spec.selector?.matchLabels ?? {};
  const refs: any[] =
    spec.targetRefs ?? (spec.targetRef ? [spec.targetRef] : []);
  if (refs.length) {
    const names = refs.map(r => `${r?.kind ?? 'target'} ${r?.name}`);
    return {
      name: `${namespace}/${names.join(', ')}`,
      identity: {
        mesh: 'istio',
        namespace,
        name: String(refs[0]?.name ?? '*'),
      },
    };
  }
  const entries = Object.entries(labels);
  if (!entries.length) {
    return namespace === ROOT_NAMESPACE
      ? {
          name: '* (mesh-wide)',
          identity: { mesh: 'istio', namespace: '*', name: '*' },
        }
      : {
          name: `${namespace}/*`,
          identity: { mesh: 'istio', namespace, name: '*' },
        };
  }
  const app =
    labels.app ?? labels['app.kubernetes.io/name'] ?? String(entries[0][1]);
  return {
    name: `${namespace}/${entries.map(([k, v]) => `${k}=${v}`).join(',')}`,
    identity: {
      mesh: 'istio',
      namespace: namespace === ROOT_NAMESPACE ? '*' : namespace,
      name: String(app),
    },
  };
}

interface Source {
  name: string;
  kind: string;
  identity?: MeshIdentityPattern;
  conditions: string[];
}

/**
 * The sources of one `from.source`: one per value of its most specific
 * workload field (principals, then serviceAccounts, then namespaces); the
 * other fields are ANDed with it, so they become conditions.
 */
function sourcesOf(source: Record<string, any>, namespace: string): Source[] {
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(source ?? {})) {
    const list = strings(value);
    if (
      list.length &&
      !['principals', 'serviceAccounts', 'namespaces'].includes(key)
    ) {
      conditions.push(`${key}: ${list.join(', ')}`);
    }
  }
  const principals = strings(source?.principals);
  const serviceAccounts = strings(source?.serviceAccounts);
  const namespaces = strings(source?.namespaces);
  const and = (...fields: [string, string[]][]) =>
    fields.filter(([, v]) => v.length).map(([k, v]) => `${k}: ${v.join(', ')}`);
  if (principals.length) {
    const extra = and(
      ['serviceAccounts', serviceAccounts],
      ['namespaces', namespaces],
    );
    return principals.map(p => ({
      name: p,
      kind: 'principal',
      identity: principalIdentity(p),
      conditions: [...extra, ...conditions],
    }));
  }
  if (serviceAccounts.length) {
    const extra = and(['namespaces', namespaces]);
    return serviceAccounts.map(sa => {
      const [ns, name] = sa.includes('/') ? sa.split('/', 2) : [namespace, sa];
      return {
        name: sa,
        kind: 'serviceAccount',
        identity: { mesh: 'istio' as const, namespace: ns, name },
        conditions: [...extra, ...conditions],
      };
    });
  }
  if (namespaces.length) {
    return namespaces.map(ns => ({
      name: `ns:${ns}`,
      kind: 'namespace',
      identity: { mesh: 'istio' as const, namespace: ns, name: '*' },
      conditions,
    }));
  }
  // Only request principals, IP blocks or not* fields: no workload named.
  const kind = source?.requestPrincipals ? 'requestPrincipal' : 'network';
  return [
    {
      name: conditions.length ? conditions[0] : '*',
      kind: conditions.length ? kind : 'any',
      identity: conditions.length
        ? undefined
        : { mesh: 'istio', namespace: '*', name: '*' },
      conditions: conditions.slice(conditions.length ? 1 : 0),
    },
  ];
}

/**
 * An Istio `AuthorizationPolicy`: one rule per source value per `rules[]`
 * entry and `from` entry, with the operation (ports, paths, methods) of each
 * `to` entry; `when` conditions and not* fields are kept as conditions.
 * `spec: {}` (ALLOW without rules) denies every caller of its workload;
 * `rules: [{}]` allows any.
 */
export function parseIstioAuthorizationPolicy(
  doc: Record<string, any>,
  document: number,
): {
  rules: MeshRule[];
  defaultDeny: MeshDefaultDeny[];
  skipped: MeshSkippedItem[];
} {
  const namespace = String(doc.metadata?.namespace ?? 'default');
  const name = String(doc.metadata?.name ?? `document-${document + 1}`);
  const policy = `AuthorizationPolicy ${namespace}/${name}`;
  const spec = doc.spec ?? {};
  const rawAction = String(spec.action ?? 'ALLOW').toUpperCase();
  const action = ACTIONS[rawAction];
  /** The whole policy left out, for `reason`. */
  const skippedPolicy = (reason: string) => ({
    rules: [],
    defaultDeny: [],
    skipped: [{ document, kind: 'AuthorizationPolicy', name, reason }],
  });
  if (!action) {
    return skippedPolicy(
      `action '${rawAction}' is not ALLOW, DENY, CUSTOM or AUDIT`,
    );
  }
  if (doc.metadata?.annotations?.['istio.io/dry-run'] === 'true') {
    return skippedPolicy(
      'istio.io/dry-run: "true": the policy is not enforced',
    );
  }
  const destination = destinationOf(doc, namespace);
  const defaultDeny: MeshDefaultDeny[] =
    action === 'allow'
      ? [
          {
            mesh: 'istio',
            destination: destination.name,
            destinationIdentity: destination.identity,
            reason: `${policy} is an ALLOW policy: callers it does not allow are denied`,
          },
        ]
      : [];
  const rules: MeshRule[] = [];
  const skipped: MeshSkippedItem[] = [];
  const entries: any[] = Array.isArray(spec.rules) ? spec.rules : [];
  entries.forEach((rule, r) => {
    const froms: any[] =
      Array.isArray(rule?.from) && rule.from.length
        ? rule.from
        : [{ source: {} }];
    const tos: any[] =
      Array.isArray(rule?.to) && rule.to.length ? rule.to : [{ operation: {} }];
    const when: string[] = (Array.isArray(rule?.when) ? rule.when : []).map(
      (w: any) =>
        `when ${w?.key}${
          strings(w?.values).length ? ` in ${strings(w.values).join(', ')}` : ''
        }${
          strings(w?.notValues).length
            ? ` not in ${strings(w.notValues).join(', ')}`
            : ''
        }`,
    );
    froms.forEach((from, f) => {
      const sources = sourcesOf(from?.source ?? {}, namespace);
      tos.forEach((to, t) => {
        const op = to?.operation ?? {};
        const opConditions = Object.entries(op)
          .filter(
            ([k, v]) =>
              !['ports', 'paths', 'methods'].includes(k) && strings(v).length,
          )
          .map(([k, v]) => `${k}: ${strings(v).join(', ')}`);
        for (const s of sources) {
          rules.push({
            mesh: 'istio',
            policy,
            source: s.name,
            sourceKind: s.kind,
            sourceIdentity: s.identity,
            destination: destination.name,
            destinationIdentity: destination.identity,
            action,
            ports: strings(op.ports),
            paths: strings(op.paths),
            methods: strings(op.methods).map(m => m.toUpperCase()),
            conditions: [...s.conditions, ...opConditions, ...when],
            provider: action === 'custom' ? spec.provider?.name : undefined,
            location: {
              document,
              place: `${policy} rules[${r}].from[${f}].to[${t}]`,
            },
          });
        }
      });
    });
  });
  if (!entries.length && action !== 'allow') {
    skipped.push({
      document,
      kind: 'AuthorizationPolicy',
      name,
      reason: `${rawAction} policy without rules matches nothing`,
    });
  }
  return { rules, defaultDeny, skipped };
}
