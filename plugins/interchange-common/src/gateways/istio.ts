import { ruleName } from './gatewayApi';
import { GatewayParseResult, NormalizedRoute, PathMatch } from './types';

type StringMatch = { exact?: string; prefix?: string; regex?: string };
type HTTPMatchRequest = {
  uri?: StringMatch;
  method?: StringMatch;
  headers?: Record<string, StringMatch>;
  queryParams?: Record<string, StringMatch>;
};
type HTTPRoute = {
  name?: string;
  match?: HTTPMatchRequest[];
  route?: {
    destination?: {
      host?: string;
      subset?: string;
      port?: { number?: number };
    };
    weight?: number;
  }[];
  redirect?: unknown;
  directResponse?: unknown;
};

function describe(m: StringMatch): string {
  if (m.exact !== undefined) return `= ${m.exact}`;
  if (m.prefix !== undefined) return `^= ${m.prefix}`;
  return `~ ${m.regex}`;
}

/**
 * An Istio document: every `http` entry of a `VirtualService` becomes one
 * route, bound to the mesh (no `gateways`, or `mesh`) or to gateways; `tcp`
 * and `tls` entries and other kinds are reported as skipped.
 *
 * @public
 */
export function parseIstioDocument(
  doc: Record<string, any>,
  document = 0,
): GatewayParseResult {
  const kind = String(doc.kind ?? '');
  const name: string = doc.metadata?.name;
  if (kind !== 'VirtualService') {
    return {
      routes: [],
      skipped: [
        {
          document,
          kind,
          name,
          reason: `${kind} is not a route (GatewayRoute entities come from VirtualService http routes)`,
        },
      ],
    };
  }
  const spec = doc.spec ?? {};
  const skipped = [
    ...(spec.tcp ?? []).map(() => ({
      document,
      kind: 'VirtualService tcp',
      name,
      reason: 'TCP route: GatewayRoute models HTTP routes only',
    })),
    ...(spec.tls ?? []).map(() => ({
      document,
      kind: 'VirtualService tls',
      name,
      reason: 'TLS passthrough route: GatewayRoute models HTTP routes only',
    })),
  ];
  const http: HTTPRoute[] = spec.http ?? [];
  const parents: string[] = spec.gateways?.length ? spec.gateways : ['mesh'];
  const routes = http.map((entry, i): NormalizedRoute => {
    const matches = entry.match?.length ? entry.match : [{}];
    const paths: string[] = [];
    const pathMatch: PathMatch[] = [];
    const methods = new Set<string>();
    const conditions: string[] = [];
    for (const m of matches) {
      let path = '/';
      let type: PathMatch = 'prefix';
      if (m.uri?.exact !== undefined) {
        path = m.uri.exact;
        type = 'exact';
      } else if (m.uri?.prefix !== undefined) {
        path = m.uri.prefix;
      } else if (m.uri?.regex !== undefined) {
        path = `~${m.uri.regex}`;
        type = 'regex';
      }
      if (!paths.includes(path)) {
        paths.push(path);
        pathMatch.push(type);
      }
      if (m.method?.exact) {
        methods.add(m.method.exact.toUpperCase());
      }
      for (const [h, v] of Object.entries(m.headers ?? {})) {
        conditions.push(`header ${h} ${describe(v)}`);
      }
      for (const [q, v] of Object.entries(m.queryParams ?? {})) {
        conditions.push(`query ${q} ${describe(v)}`);
      }
    }
    const anyMethod = matches.some(m => !m.method?.exact);
    return {
      format: 'istio',
      name: ruleName(name, entry.name, i, http.length, 'http'),
      hosts: spec.hosts ?? [],
      paths,
      pathMatch,
      methods: anyMethod ? [] : [...methods],
      upstreams:
        entry.redirect || entry.directResponse
          ? [{ kind: 'mock' }]
          : (entry.route ?? []).map(r => ({
              kind: 'service' as const,
              host: r.destination?.host,
              port: r.destination?.port?.number,
              subset: r.destination?.subset,
              weight: r.weight,
            })),
      plugins: [],
      parents,
      conditions,
      source: { document, location: `VirtualService ${name} http[${i}]` },
    };
  });
  return { routes, skipped };
}
