import { MeshIdentityPattern, MeshRule, MeshSkippedItem } from './types';

/** Keys as Consul reads them: CamelCase, snake_case and the CRD's camelCase alike. */
function normalize(value: unknown): any {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k.replace(/_/g, '').toLowerCase(),
        normalize(v),
      ]),
    );
  }
  return value;
}

/** HCL blocks come as lists of one object. */
const first = (v: any) => (Array.isArray(v) ? v[0] : v);
function list(v: any): any[] {
  if (Array.isArray(v)) return v;
  return v && typeof v === 'object' ? [v] : [];
}

/**
 * Consul's precedence table (intentions/index.mdx): 9 for an exact source
 * and destination down to 1 for `*` -> `*` across namespaces. A missing
 * namespace is the exact `default`.
 */
export function consulPrecedence(
  sourceNs: string | undefined,
  sourceName: string,
  destNs: string | undefined,
  destName: string,
): number {
  const exact = (v: string | undefined) => v !== '*';
  const sNs = exact(sourceNs);
  const sName = exact(sourceName);
  const dNs = exact(destNs);
  const dName = exact(destName);
  // Within each destination class: exact source 3, `*` name in an exact namespace 2, `*` both 1.
  let source = 1;
  if (sNs) source = sName ? 3 : 2;
  if (dNs && dName) return 6 + source;
  if (dNs) return 3 + source;
  return source;
}

/** Whether a document is a Consul service-intentions entry, the CRD, or an agent config holding them. */
export function isConsulIntentions(doc: Record<string, any>): boolean {
  const n = normalize(doc);
  return (
    n.kind === 'service-intentions' ||
    (doc.kind === 'ServiceIntentions' &&
      String(doc.apiVersion ?? '').startsWith('consul.hashicorp.com/')) ||
    list(first(n.configentries)?.bootstrap).some(
      (e: any) => e?.kind === 'service-intentions',
    )
  );
}

function identity(name: string, namespace?: string): MeshIdentityPattern {
  return { mesh: 'consul', namespace, name };
}

function entryRules(
  entry: any,
  document: number,
  place: string,
  skipped: MeshSkippedItem[],
): MeshRule[] {
  const destName = String(entry.name ?? entry.destination?.name ?? '');
  const destNs: string | undefined =
    entry.namespace ?? entry.destination?.namespace;
  if (!destName) {
    skipped.push({
      document,
      kind: 'service-intentions',
      reason: `${place}: no destination Name; set Name (or spec.destination.name)`,
    });
    return [];
  }
  const destination = destNs ? `${destNs}/${destName}` : destName;
  const policy = `service-intentions ${destination}`;
  const rules: MeshRule[] = [];
  list(entry.sources).forEach((src: any, i: number) => {
    const name = String(src?.name ?? '');
    if (!name) {
      skipped.push({
        document,
        kind: 'service-intentions source',
        name: destination,
        reason: `${place}.Sources[${i}]: no Name`,
      });
      return;
    }
    const ns: string | undefined = src.namespace;
    const precedence = consulPrecedence(
      ns ?? 'default',
      name,
      destNs ?? 'default',
      destName,
    );
    const base = {
      mesh: 'consul' as const,
      policy,
      source: ns ? `${ns}/${name}` : name,
      sourceKind: name === '*' ? 'any' : 'service',
      sourceIdentity: identity(name, ns),
      destination,
      destinationIdentity: identity(destName, destNs),
      ports: [],
      precedence,
    };
    const extra = [
      ...(src.peer ? [`peer: ${src.peer}`] : []),
      ...(src.partition ? [`partition: ${src.partition}`] : []),
      ...(src.samenessgroup ? [`sameness group: ${src.samenessgroup}`] : []),
    ];
    const permissions = list(src.permissions);
    if (!permissions.length) {
      const action = String(src.action ?? '').toLowerCase();
      if (action !== 'allow' && action !== 'deny') {
        skipped.push({
          document,
          kind: 'service-intentions source',
          name: base.source,
          reason: `${place}.Sources[${i}]: Action '${
            src.action ?? ''
          }' is neither allow nor deny, and there are no Permissions`,
        });
        return;
      }
      rules.push({
        ...base,
        action,
        paths: [],
        methods: [],
        conditions: extra,
        location: { document, place: `${place}.Sources[${i}]` },
      });
      return;
    }
    permissions.forEach((p: any, j: number) => {
      const action = String(p?.action ?? '').toLowerCase();
      if (action !== 'allow' && action !== 'deny') {
        skipped.push({
          document,
          kind: 'service-intentions permission',
          name: base.source,
          reason: `${place}.Sources[${i}].Permissions[${j}]: Action '${
            p?.action ?? ''
          }' is neither allow nor deny`,
        });
        return;
      }
      const http = first(p.http) ?? {};
      const paths = [
        ...(http.pathexact !== undefined ? [String(http.pathexact)] : []),
        ...(http.pathprefix !== undefined ? [`${http.pathprefix}*`] : []),
        ...(http.pathregex !== undefined ? [`~${http.pathregex}`] : []),
      ];
      const headers = list(http.header).map((h: any) => {
        const how = ['exact', 'prefix', 'suffix', 'regex'].find(
          k => h?.[k] !== undefined,
        );
        let text = h?.present ? 'present' : 'any';
        if (how) text = `${how} ${h[how]}`;
        return `header ${h?.name} ${h?.invert ? 'not ' : ''}${text}`;
      });
      const jwt = list(first(p.jwt)?.providers).map(
        (pr: any) => `JWT provider ${pr?.name}`,
      );
      rules.push({
        ...base,
        action,
        paths,
        methods: list(http.methods).map(m => String(m).toUpperCase()),
        conditions: [...headers, ...jwt, ...extra],
        order: j,
        location: {
          document,
          place: `${place}.Sources[${i}].Permissions[${j}]`,
        },
      });
    });
  });
  return rules;
}

/**
 * Consul service intentions from one document: a `service-intentions`
 * config entry (HCL or JSON, CamelCase or snake_case), the Kubernetes
 * `ServiceIntentions` CRD, or an agent configuration whose
 * `config_entries.bootstrap` holds them. One rule per source, or per L7
 * permission (in order: the first matching permission decides).
 */
export function parseConsulIntentions(
  doc: Record<string, any>,
  document: number,
): { rules: MeshRule[]; skipped: MeshSkippedItem[] } {
  const skipped: MeshSkippedItem[] = [];
  const n = normalize(doc);
  if (doc.kind === 'ServiceIntentions') {
    const spec = n.spec ?? {};
    return {
      rules: entryRules(
        { destination: spec.destination, sources: spec.sources },
        document,
        `ServiceIntentions ${doc.metadata?.name}`,
        skipped,
      ),
      skipped,
    };
  }
  if (n.kind === 'service-intentions') {
    return {
      rules: entryRules(n, document, `service-intentions ${n.name}`, skipped),
      skipped,
    };
  }
  const rules: MeshRule[] = [];
  list(first(n.configentries)?.bootstrap).forEach((e: any, i: number) => {
    if (e?.kind === 'service-intentions') {
      rules.push(
        ...entryRules(e, document, `config_entries.bootstrap[${i}]`, skipped),
      );
    } else {
      skipped.push({
        document,
        kind: String(e?.kind ?? 'config entry'),
        name: e?.name,
        reason: `config_entries.bootstrap[${i}]: not service-intentions`,
      });
    }
  });
  return { rules, skipped };
}

/** The `acl.default_policy` of an agent configuration, when the document has one. */
export function consulDefaultPolicy(
  doc: Record<string, any>,
): 'allow' | 'deny' | undefined {
  const p = first(normalize(doc).acl)?.defaultpolicy;
  return p === 'allow' || p === 'deny' ? p : undefined;
}

/**
 * Rows of Consul's `GET /v1/connect/intentions` (a flat list:
 * `SourceNS`, `SourceName`, `DestinationNS`, `DestinationName`, `Action` or
 * L7 `Permissions`, `Precedence`) as rules. Throws for a body that is not a
 * list, naming what it got.
 */
export function parseConsulIntentionsApi(body: unknown): {
  rules: MeshRule[];
  skipped: MeshSkippedItem[];
} {
  if (!Array.isArray(body)) {
    throw new Error(
      `/v1/connect/intentions answered ${
        body === null ? 'null' : typeof body
      }, not a list of intentions`,
    );
  }
  const rules: MeshRule[] = [];
  const skipped: MeshSkippedItem[] = [];
  body.forEach((row: any, i: number) => {
    const ns = (v: any) => (v && v !== 'default' ? String(v) : undefined);
    const entry = {
      name: row?.DestinationName,
      namespace: ns(row?.DestinationNS),
      sources: [
        normalize({
          Name: row?.SourceName,
          Namespace: ns(row?.SourceNS),
          Action: row?.Action,
          Permissions: row?.Permissions,
          Peer: row?.SourcePeer,
          Partition: row?.SourcePartition,
        }),
      ],
    };
    const got = entryRules(entry, 0, `intentions[${i}]`, skipped);
    got.forEach(r => {
      if (typeof row?.Precedence === 'number') r.precedence = row.Precedence;
    });
    rules.push(...got);
  });
  return { rules, skipped };
}
