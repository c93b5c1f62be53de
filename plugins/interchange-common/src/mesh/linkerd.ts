import {
  MeshDefaultDeny,
  MeshIdentityPattern,
  MeshRule,
  MeshSkippedItem,
} from './types';

const KINDS = [
  'Server',
  'ServerAuthorization',
  'AuthorizationPolicy',
  'MeshTLSAuthentication',
  'NetworkAuthentication',
  'HTTPRoute',
];

/** Whether a document is one of Linkerd's policy resources (`policy.linkerd.io`). */
export function isLinkerdPolicy(doc: Record<string, any>): boolean {
  return (
    typeof doc.apiVersion === 'string' &&
    doc.apiVersion.startsWith('policy.linkerd.io/') &&
    KINDS.includes(String(doc.kind))
  );
}

interface Doc {
  doc: Record<string, any>;
  document: number;
}

const key = (d: Record<string, any>) =>
  `${d.metadata?.namespace ?? 'default'}/${d.metadata?.name}`;

/** `webapp.booksapp.serviceaccount.identity.linkerd.cluster.local` -> booksapp / webapp. */
function identityOf(text: string): MeshIdentityPattern | undefined {
  if (text === '*') return { mesh: 'linkerd', namespace: '*', name: '*' };
  const m = /^([^.]+)\.([^.]+)\.serviceaccount\.identity\.linkerd\./.exec(text);
  return m ? { mesh: 'linkerd', namespace: m[2], name: m[1] } : undefined;
}

interface Source {
  name: string;
  kind: string;
  identity?: MeshIdentityPattern;
  conditions: string[];
}

function networks(list: any[] | undefined): string {
  return (list ?? [])
    .map(
      n =>
        `${n?.cidr}${
          n?.except?.length ? ` except ${n.except.join(', ')}` : ''
        }`,
    )
    .join(', ');
}

function meshTlsSources(
  spec: Record<string, any>,
  namespace: string,
): Source[] {
  const out: Source[] = [];
  for (const id of spec.identities ?? []) {
    out.push({
      name: String(id),
      kind: id === '*' ? 'any' : 'identity',
      identity: identityOf(String(id)),
      conditions: [],
    });
  }
  for (const ref of [
    ...(spec.identityRefs ?? []),
    ...(spec.serviceAccounts ?? []),
  ]) {
    if (ref?.kind && ref.kind !== 'ServiceAccount') {
      out.push({
        name: `${ref.kind} ${ref.name}`,
        kind: 'identity',
        conditions: [],
      });
      continue;
    }
    const ns = ref?.namespace ?? namespace;
    out.push({
      name: `${ns}/${ref?.name}`,
      kind: 'serviceAccount',
      identity: {
        mesh: 'linkerd',
        namespace: ns,
        name: String(ref?.name ?? '*'),
      },
      conditions: [],
    });
  }
  return out;
}

/** An HTTPRoute match's path as the rules write paths: `*` suffix for prefixes, `~` for regular expressions. */
function routePath(m: any): string {
  if (m?.path?.type === 'PathPrefix') return `${m.path.value}*`;
  if (m?.path?.type === 'RegularExpression') return `~${m.path.value}`;
  return String(m?.path?.value ?? '/*');
}

interface Target {
  server: Record<string, any>;
  destination: string;
  identities: MeshIdentityPattern[];
  ports: string[];
  paths: string[];
  methods: string[];
}

function serverTargets(server: Record<string, any>): Target {
  const namespace = String(server.metadata?.namespace ?? 'default');
  const sel = server.spec?.podSelector ?? {};
  const labels: Record<string, string> = sel.matchLabels ?? {};
  let apps: string[] = [];
  if (labels.app ?? labels['app.kubernetes.io/name']) {
    apps = [labels.app ?? labels['app.kubernetes.io/name']];
  } else {
    for (const e of sel.matchExpressions ?? []) {
      if (
        (e?.key === 'app' || e?.key === 'app.kubernetes.io/name') &&
        e?.operator === 'In'
      ) {
        apps.push(...(e.values ?? []).map(String));
      }
    }
  }
  if (!apps.length) apps = Object.values(labels).slice(0, 1).map(String);
  return {
    server,
    destination: `${namespace}/${server.metadata?.name} (Server)`,
    identities: (apps.length ? apps : ['*']).map(name => ({
      mesh: 'linkerd',
      namespace,
      name,
    })),
    ports: server.spec?.port !== undefined ? [String(server.spec.port)] : [],
    paths: [],
    methods: [],
  };
}

/**
 * Linkerd policy across the documents given (a Server, the authorizations
 * naming it and the authentications they require may sit in different
 * documents): `ServerAuthorization` clients, and `AuthorizationPolicy`
 * targets (Server, HTTPRoute with its paths and methods, Namespace) with
 * their `requiredAuthenticationRefs` (all must match). Linkerd has only
 * allow rules; every Server denies what no authorization allows.
 */
export function parseLinkerdPolicies(docs: Doc[]): {
  rules: MeshRule[];
  defaultDeny: MeshDefaultDeny[];
  skipped: MeshSkippedItem[];
} {
  const byKind = (kind: string) => docs.filter(d => d.doc.kind === kind);
  const servers = new Map(byKind('Server').map(d => [key(d.doc), d.doc]));
  const routes = new Map(byKind('HTTPRoute').map(d => [key(d.doc), d.doc]));
  const authns = new Map(
    [
      ...byKind('MeshTLSAuthentication'),
      ...byKind('NetworkAuthentication'),
    ].map(d => [`${d.doc.kind}:${key(d.doc)}`, d.doc]),
  );
  const rules: MeshRule[] = [];
  const skipped: MeshSkippedItem[] = [];
  const defaultDeny: MeshDefaultDeny[] = [];
  for (const server of servers.values()) {
    const t = serverTargets(server);
    for (const identity of t.identities) {
      defaultDeny.push({
        mesh: 'linkerd',
        destination: t.destination,
        destinationIdentity: identity,
        reason: `Server ${key(server)} (port ${
          server.spec?.port
        }): callers no authorization allows are denied`,
      });
    }
  }
  const push = (
    policy: string,
    document: number,
    sources: Source[],
    targets: Target[],
    extra: string[],
  ) => {
    targets.forEach(t =>
      t.identities.forEach(identity =>
        sources.forEach(s =>
          rules.push({
            mesh: 'linkerd',
            policy,
            source: s.name,
            sourceKind: s.kind,
            sourceIdentity: s.identity,
            destination: t.destination,
            destinationIdentity: identity,
            action: 'allow',
            ports: t.ports,
            paths: t.paths,
            methods: t.methods,
            conditions: [...s.conditions, ...extra],
            location: { document, place: policy },
          }),
        ),
      ),
    );
  };

  for (const { doc, document } of byKind('ServerAuthorization')) {
    const namespace = String(doc.metadata?.namespace ?? 'default');
    const policy = `ServerAuthorization ${key(doc)}`;
    const spec = doc.spec ?? {};
    const named = spec.server?.name
      ? servers.get(`${namespace}/${spec.server.name}`)
      : undefined;
    const selected = spec.server?.selector?.matchLabels
      ? [...servers.values()].filter(s =>
          Object.entries(spec.server.selector.matchLabels).every(
            ([k, v]) => s.metadata?.labels?.[k] === v,
          ),
        )
      : [];
    const targets = (named ? [named] : selected).map(serverTargets);
    if (!targets.length) {
      skipped.push({
        document,
        kind: 'ServerAuthorization',
        name: doc.metadata?.name,
        reason: `server '${
          spec.server?.name ?? 'selector'
        }' is not among the files read; add the Server's file`,
      });
      continue;
    }
    const client = spec.client ?? {};
    const net = networks(client.networks);
    const netCondition = net ? [`networks: ${net}`] : [];
    let sources: Source[];
    if (client.unauthenticated === true) {
      sources = [
        {
          name: '*',
          kind: 'unauthenticated',
          identity: { mesh: 'linkerd', namespace: '*', name: '*' },
          conditions: [],
        },
      ];
    } else if (client.meshTLS?.unauthenticatedTLS === true) {
      sources = [
        {
          name: '*',
          kind: 'unauthenticated',
          identity: { mesh: 'linkerd', namespace: '*', name: '*' },
          conditions: ['unauthenticated TLS'],
        },
      ];
    } else {
      sources = meshTlsSources(client.meshTLS ?? {}, namespace);
    }
    push(policy, document, sources, targets, netCondition);
  }

  for (const { doc, document } of byKind('AuthorizationPolicy')) {
    const namespace = String(doc.metadata?.namespace ?? 'default');
    const policy = `AuthorizationPolicy ${key(doc)}`;
    const spec = doc.spec ?? {};
    const ref = spec.targetRef ?? {};
    let targets: Target[] = [];
    if (ref.kind === 'Server') {
      const s = servers.get(`${namespace}/${ref.name}`);
      targets = s ? [serverTargets(s)] : [];
    } else if (ref.kind === 'HTTPRoute') {
      const route = routes.get(`${namespace}/${ref.name}`);
      const routeRules = route?.spec?.rules ?? [];
      const parents = route?.spec?.parentRefs ?? [];
      if (
        !Array.isArray(routeRules) ||
        !Array.isArray(parents) ||
        routeRules.some(
          (r: any) => r?.matches !== undefined && !Array.isArray(r.matches),
        )
      ) {
        // Read as "no matches" it would allow every path: skipped instead.
        skipped.push({
          document,
          kind: 'AuthorizationPolicy',
          name: doc.metadata?.name,
          reason: `its HTTPRoute ${namespace}/${ref.name} has a spec.rules, spec.rules[].matches or spec.parentRefs that is not a list; fix the HTTPRoute`,
        });
        continue;
      }
      const matches: any[] = routeRules.flatMap((r: any) => r?.matches ?? [{}]);
      targets = parents
        .filter((p: any) => p?.kind === 'Server')
        .map((p: any) => servers.get(`${p.namespace ?? namespace}/${p.name}`))
        .filter((s): s is Record<string, any> => Boolean(s))
        .map(s => ({
          ...serverTargets(s),
          destination: `${namespace}/${ref.name} (HTTPRoute on Server ${s.metadata?.name})`,
          paths: [...new Set(matches.map(routePath))],
          methods: [
            ...new Set(
              matches
                .map(m => m?.method)
                .filter(Boolean)
                .map(String),
            ),
          ],
        }));
    } else if (ref.kind === 'Namespace') {
      targets = [
        {
          server: {},
          destination: `${ref.name ?? namespace}/* (Namespace)`,
          identities: [
            {
              mesh: 'linkerd',
              namespace: String(ref.name ?? namespace),
              name: '*',
            },
          ],
          ports: [],
          paths: [],
          methods: [],
        },
      ];
    }
    if (!targets.length) {
      skipped.push({
        document,
        kind: 'AuthorizationPolicy',
        name: doc.metadata?.name,
        reason: `targetRef ${ref.kind ?? '(none)'} '${
          ref.name ?? ''
        }' is not among the files read (Server, HTTPRoute with a Server parent, or Namespace)`,
      });
      continue;
    }
    const sources: Source[] = [];
    const conditions: string[] = [];
    const missing: string[] = [];
    for (const a of spec.requiredAuthenticationRefs ?? []) {
      const ns = a?.namespace ?? namespace;
      if (a?.kind === 'ServiceAccount') {
        sources.push({
          name: `${ns}/${a.name}`,
          kind: 'serviceAccount',
          identity: { mesh: 'linkerd', namespace: ns, name: String(a.name) },
          conditions: [],
        });
        continue;
      }
      const authn = authns.get(`${a?.kind}:${ns}/${a?.name}`);
      if (!authn) {
        missing.push(`${a?.kind} ${ns}/${a?.name}`);
      } else if (a.kind === 'MeshTLSAuthentication') {
        sources.push(...meshTlsSources(authn.spec ?? {}, ns));
      } else {
        conditions.push(`networks: ${networks(authn.spec?.networks)}`);
      }
    }
    if (missing.length) {
      skipped.push({
        document,
        kind: 'AuthorizationPolicy',
        name: doc.metadata?.name,
        reason: `requiredAuthenticationRefs ${missing.join(
          ', ',
        )} not among the files read`,
      });
      continue;
    }
    // Only network authentication: any caller from those networks.
    const all = sources.length
      ? sources
      : [
          {
            name: '*',
            kind: 'network',
            identity: { mesh: 'linkerd' as const, namespace: '*', name: '*' },
            conditions: [],
          },
        ];
    push(policy, document, all, targets, conditions);
  }
  return { rules, defaultDeny, skipped };
}
