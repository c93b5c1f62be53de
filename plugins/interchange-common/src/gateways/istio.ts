import { ruleName } from './gatewayApi';
import {
  listAt,
  mapAt,
  mapsAt,
  numberAt,
  requiredTextAt,
  textAt,
  textsAt,
} from './shape';
import { GatewayParseResult, NormalizedRoute, PathMatch } from './types';
import { RouteMatches } from './routeMatches';

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

function describe(m: StringMatch, at: string): string {
  const match = mapAt(m, at);
  if (match.exact !== undefined)
    return `= ${textAt(match.exact, `${at}.exact`)}`;
  if (match.prefix !== undefined) {
    return `^= ${textAt(match.prefix, `${at}.prefix`)}`;
  }
  return `~ ${textAt(match.regex, `${at}.regex`)}`;
}

/**
 * An Istio document: every `http` entry of a `VirtualService` becomes one
 * route, bound to the mesh (no `gateways`, or `mesh`) or to gateways; `tcp`
 * and `tls` entries and other kinds are reported as skipped. Fields are
 * read through the shape helpers: a broken document is an error naming the
 * field.
 *
 * @public
 */
export function parseIstioDocument(
  doc: Record<string, any>,
  document = 0,
): GatewayParseResult {
  const kind = String(doc.kind ?? '');
  const metadata = mapAt(doc.metadata, 'metadata');
  if (kind !== 'VirtualService') {
    return {
      routes: [],
      skipped: [
        {
          document,
          kind,
          name: textAt(metadata.name, 'metadata.name'),
          reason: `${kind} is not a route (GatewayRoute entities come from VirtualService http routes)`,
        },
      ],
    };
  }
  const name = requiredTextAt(metadata.name, 'metadata.name');
  const spec = mapAt(doc.spec, 'spec');
  const skipped = [
    ...listAt(spec.tcp, 'spec.tcp').map(() => ({
      document,
      kind: 'VirtualService tcp',
      name,
      reason: 'TCP route: GatewayRoute models HTTP routes only',
    })),
    ...listAt(spec.tls, 'spec.tls').map(() => ({
      document,
      kind: 'VirtualService tls',
      name,
      reason: 'TLS passthrough route: GatewayRoute models HTTP routes only',
    })),
  ];
  const http = mapsAt(spec.http, 'spec.http') as HTTPRoute[];
  const gateways = textsAt(spec.gateways, 'spec.gateways');
  const parents: string[] = gateways.length ? gateways : ['mesh'];
  const hosts = textsAt(spec.hosts, 'spec.hosts');
  const routes = http.map((entry, i): NormalizedRoute => {
    const at = `spec.http[${i}]`;
    const declared = mapsAt(entry.match, `${at}.match`) as HTTPMatchRequest[];
    const matches: HTTPMatchRequest[] = declared.length ? declared : [{}];
    const found = new RouteMatches();
    matches.forEach((m, j) => {
      const mAt = `${at}.match[${j}]`;
      const uri = mapAt(m.uri, `${mAt}.uri`);
      let path = '/';
      let type: PathMatch = 'prefix';
      if (uri.exact !== undefined) {
        path = textAt(uri.exact, `${mAt}.uri.exact`) ?? '/';
        type = 'exact';
      } else if (uri.prefix !== undefined) {
        path = textAt(uri.prefix, `${mAt}.uri.prefix`) ?? '/';
      } else if (uri.regex !== undefined) {
        path = `~${textAt(uri.regex, `${mAt}.uri.regex`)}`;
        type = 'regex';
      }
      found.addPath(path, type);
      found.addMethod(
        textAt(mapAt(m.method, `${mAt}.method`).exact, `${mAt}.method.exact`),
      );
      for (const [what, key] of [
        ['header', 'headers'],
        ['query', 'queryParams'],
      ] as const) {
        for (const [h, v] of Object.entries(mapAt(m[key], `${mAt}.${key}`))) {
          found.conditions.push(
            `${what} ${h} ${describe(v, `${mAt}.${key}.${h}`)}`,
          );
        }
      }
    });
    return {
      format: 'istio',
      name: ruleName(
        name,
        textAt(entry.name, `${at}.name`),
        i,
        http.length,
        'http',
      ),
      hosts,
      paths: found.paths,
      pathMatch: found.pathMatch,
      methods: found.methods(matches.some(m => !m.method?.exact)),
      upstreams:
        entry.redirect || entry.directResponse
          ? [{ kind: 'mock' }]
          : mapsAt(entry.route, `${at}.route`).map((r, k) => {
              const rAt = `${at}.route[${k}]`;
              const destination = mapAt(r.destination, `${rAt}.destination`);
              return {
                kind: 'service' as const,
                host: textAt(destination.host, `${rAt}.destination.host`),
                port: numberAt(
                  mapAt(destination.port, `${rAt}.destination.port`).number,
                  `${rAt}.destination.port.number`,
                ),
                subset: textAt(destination.subset, `${rAt}.destination.subset`),
                weight: numberAt(r.weight, `${rAt}.weight`),
              };
            }),
      plugins: [],
      parents,
      conditions: found.conditions,
      source: { document, location: `VirtualService ${name} http[${i}]` },
    };
  });
  return { routes, skipped };
}
