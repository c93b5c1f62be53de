import { GatewayParseResult, NormalizedRoute, PathMatch } from './types';

type HTTPRouteMatch = {
  path?: { type?: string; value?: string };
  method?: string;
  headers?: { type?: string; name: string; value: string }[];
  queryParams?: { type?: string; name: string; value: string }[];
};
type HTTPRouteRule = {
  name?: string;
  matches?: HTTPRouteMatch[];
  backendRefs?: {
    name: string;
    namespace?: string;
    port?: number;
    weight?: number;
    kind?: string;
  }[];
  filters?: { type?: string }[];
};

const PATH_MATCH: Record<string, PathMatch> = {
  PathPrefix: 'prefix',
  Exact: 'exact',
  RegularExpression: 'regex',
};

/** Route kinds of the Gateway API that GatewayRoute does not model. */
const OTHER_ROUTES: Record<string, string> = {
  TCPRoute: 'TCP route: GatewayRoute models HTTP routes only',
  UDPRoute: 'UDP route: GatewayRoute models HTTP routes only',
  TLSRoute: 'TLS passthrough route: GatewayRoute models HTTP routes only',
  GRPCRoute: 'gRPC route: not supported yet',
};

/** One route per rule: named after the rule, or numbered when there are several. */
export function ruleName(
  routeName: string,
  ruleName_: string | undefined,
  index: number,
  count: number,
  numbered = 'rule',
): string {
  if (ruleName_) {
    return `${routeName}.${ruleName_}`;
  }
  return count > 1 ? `${routeName}.${numbered}-${index}` : routeName;
}

/**
 * A Kubernetes Gateway API document: every rule of an `HTTPRoute` (v1)
 * becomes one route; other kinds are reported as skipped.
 *
 * @public
 */
export function parseGatewayApiDocument(
  doc: Record<string, any>,
  document = 0,
): GatewayParseResult {
  const kind = String(doc.kind ?? '');
  const name = doc.metadata?.name;
  if (kind !== 'HTTPRoute') {
    return {
      routes: [],
      skipped: [
        {
          document,
          kind,
          name,
          reason:
            OTHER_ROUTES[kind] ??
            `${kind} is not a route (GatewayRoute entities come from HTTPRoutes)`,
        },
      ],
    };
  }
  const spec = doc.spec ?? {};
  const rules: HTTPRouteRule[] = spec.rules?.length ? spec.rules : [{}];
  const parents: string[] = (spec.parentRefs ?? []).map(
    (p: { name: string; namespace?: string; sectionName?: string }) =>
      `${p.namespace ? `${p.namespace}/` : ''}${p.name}${
        p.sectionName ? `#${p.sectionName}` : ''
      }`,
  );
  const routes = rules.map((rule, i): NormalizedRoute => {
    const matches = rule.matches?.length ? rule.matches : [{}];
    const paths: string[] = [];
    const pathMatch: PathMatch[] = [];
    const methods = new Set<string>();
    const conditions: string[] = [];
    for (const m of matches) {
      // A match without a path matches every path ("/" prefix).
      const type = PATH_MATCH[m.path?.type ?? 'PathPrefix'] ?? 'prefix';
      const value = m.path?.value ?? '/';
      const path = type === 'regex' ? `~${value}` : value;
      if (!paths.includes(path)) {
        paths.push(path);
        pathMatch.push(type);
      }
      if (m.method) {
        methods.add(m.method.toUpperCase());
      }
      for (const h of m.headers ?? []) {
        conditions.push(
          `header ${h.name} ${h.type === 'RegularExpression' ? '~' : '='} ${
            h.value
          }`,
        );
      }
      for (const q of m.queryParams ?? []) {
        conditions.push(
          `query ${q.name} ${q.type === 'RegularExpression' ? '~' : '='} ${
            q.value
          }`,
        );
      }
    }
    // An empty method set on any match means that match takes every method.
    const anyMethod = matches.some(m => !m.method);
    return {
      format: 'gateway-api',
      name: ruleName(name, rule.name, i, rules.length),
      hosts: spec.hostnames ?? [],
      paths,
      pathMatch,
      methods: anyMethod ? [] : [...methods],
      upstreams: (rule.backendRefs ?? []).map(b => ({
        kind: 'service' as const,
        host: b.name,
        namespace: b.namespace ?? doc.metadata?.namespace,
        port: b.port,
        weight: b.weight,
      })),
      plugins: (rule.filters ?? []).map(f => String(f.type)).sort(),
      parents,
      conditions,
      source: { document, location: `HTTPRoute ${name} rules[${i}]` },
    };
  });
  return { routes, skipped: [] };
}
