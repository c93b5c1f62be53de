import {
  mapAt,
  mapsAt,
  numberAt,
  requiredTextAt,
  textAt,
  textsAt,
} from './shape';
import { GatewayParseResult, NormalizedRoute, PathMatch } from './types';
import { RouteMatches } from './routeMatches';

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
  if (kind !== 'HTTPRoute') {
    return {
      routes: [],
      skipped: [
        {
          document,
          kind,
          name: textAt(mapAt(doc.metadata, 'metadata').name, 'metadata.name'),
          // Own keys only: a kind such as `__proto__` or `toString` must not
          // find the object's prototype.
          reason: Object.hasOwn(OTHER_ROUTES, kind)
            ? OTHER_ROUTES[kind]
            : `${kind} is not a route (GatewayRoute entities come from HTTPRoutes)`,
        },
      ],
    };
  }
  // Each field is read through the shape helpers: a broken document is an
  // error naming the field, not a TypeError.
  const metadata = mapAt(doc.metadata, 'metadata');
  const name = requiredTextAt(metadata.name, 'metadata.name');
  const namespace = textAt(metadata.namespace, 'metadata.namespace');
  const spec = mapAt(doc.spec, 'spec');
  const declared = mapsAt(spec.rules, 'spec.rules') as HTTPRouteRule[];
  const rules: HTTPRouteRule[] = declared.length ? declared : [{}];
  const parents: string[] = mapsAt(spec.parentRefs, 'spec.parentRefs').map(
    (p, i) => {
      const at = `spec.parentRefs[${i}]`;
      const ns = textAt(p.namespace, `${at}.namespace`);
      const section = textAt(p.sectionName, `${at}.sectionName`);
      return `${ns ? `${ns}/` : ''}${requiredTextAt(p.name, `${at}.name`)}${
        section ? `#${section}` : ''
      }`;
    },
  );
  const hosts = textsAt(spec.hostnames, 'spec.hostnames');
  const routes = rules.map((rule, i): NormalizedRoute => {
    const at = `spec.rules[${i}]`;
    const declaredMatches = mapsAt(rule.matches, `${at}.matches`);
    const matches: HTTPRouteMatch[] = declaredMatches.length
      ? declaredMatches
      : [{}];
    const found = new RouteMatches();
    matches.forEach((m, j) => {
      const mAt = `${at}.matches[${j}]`;
      const pathSpec = mapAt(m.path, `${mAt}.path`);
      // A match without a path matches every path ("/" prefix).
      const type =
        PATH_MATCH[textAt(pathSpec.type, `${mAt}.path.type`) ?? 'PathPrefix'] ??
        'prefix';
      const value = textAt(pathSpec.value, `${mAt}.path.value`) ?? '/';
      found.addPath(type === 'regex' ? `~${value}` : value, type);
      found.addMethod(textAt(m.method, `${mAt}.method`));
      for (const [what, list] of [
        ['header', 'headers'],
        ['query', 'queryParams'],
      ] as const) {
        mapsAt(m[list], `${mAt}.${list}`).forEach((h, k) => {
          const hAt = `${mAt}.${list}[${k}]`;
          found.conditions.push(
            `${what} ${textAt(h.name, `${hAt}.name`)} ${
              textAt(h.type, `${hAt}.type`) === 'RegularExpression' ? '~' : '='
            } ${textAt(h.value, `${hAt}.value`)}`,
          );
        });
      }
    });
    return {
      format: 'gateway-api',
      name: ruleName(name, textAt(rule.name, `${at}.name`), i, rules.length),
      hosts,
      paths: found.paths,
      pathMatch: found.pathMatch,
      methods: found.methods(matches.some(m => !m.method)),
      upstreams: mapsAt(rule.backendRefs, `${at}.backendRefs`).map((b, k) => {
        const bAt = `${at}.backendRefs[${k}]`;
        return {
          kind: 'service' as const,
          host: requiredTextAt(b.name, `${bAt}.name`),
          namespace: textAt(b.namespace, `${bAt}.namespace`) ?? namespace,
          port: numberAt(b.port, `${bAt}.port`),
          weight: numberAt(b.weight, `${bAt}.weight`),
        };
      }),
      plugins: mapsAt(rule.filters, `${at}.filters`)
        .map((f, k) => String(textAt(f.type, `${at}.filters[${k}].type`)))
        .sort(),
      parents,
      conditions: found.conditions,
      source: { document, location: `HTTPRoute ${name} rules[${i}]` },
    };
  });
  return { routes, skipped: [] };
}
