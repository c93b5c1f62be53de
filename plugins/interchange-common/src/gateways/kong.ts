import {
  KONG_AUTH_PLUGINS,
  KONG_RATE_LIMIT_PLUGINS,
  RATE_LIMIT_PERIODS,
} from './routePolicy';
import {
  GatewayParseResult,
  NormalizedRoute,
  RouteUpstream,
  SkippedItem,
} from './types';

type KongPlugin = {
  name?: string;
  enabled?: boolean;
  service?: string | { name?: string; id?: string };
  route?: string | { name?: string; id?: string };
  consumer?: unknown;
  config?: Record<string, unknown>;
};
type KongRoute = {
  name?: string;
  id?: string;
  paths?: string[];
  hosts?: string[];
  methods?: string[];
  protocols?: string[];
  headers?: Record<string, string[]>;
  service?: string | { name?: string; id?: string };
  plugins?: KongPlugin[];
};
type KongService = {
  name?: string;
  id?: string;
  url?: string;
  protocol?: string;
  host?: string;
  port?: number;
  path?: string;
  routes?: KongRoute[];
  plugins?: KongPlugin[];
};

const STREAM_PROTOCOLS = new Set(['tcp', 'tls', 'udp', 'tls_passthrough']);

function refName(ref: KongPlugin['service']): string | undefined {
  return typeof ref === 'string' ? ref : ref?.name ?? ref?.id;
}

function upstreamOf(service: KongService | undefined): RouteUpstream[] {
  if (!service) {
    return [];
  }
  if (service.url) {
    try {
      const url = new URL(service.url);
      return [
        {
          kind: 'url',
          url: service.url,
          host: url.hostname,
          port: url.port ? Number(url.port) : undefined,
        },
      ];
    } catch {
      return [{ kind: 'url', url: service.url }];
    }
  }
  if (service.host) {
    const protocol = service.protocol ?? 'http';
    const port = service.port;
    return [
      {
        kind: 'url',
        url: `${protocol}://${service.host}${port ? `:${port}` : ''}${
          service.path ?? ''
        }`,
        host: service.host,
        port,
      },
    ];
  }
  return [];
}

/** The most specific enabled plugin of each name: route, then service, then global. */
function effectivePlugins(...levels: KongPlugin[][]): Map<string, KongPlugin> {
  const byName = new Map<string, KongPlugin>();
  for (const level of levels) {
    for (const p of level) {
      if (p.name && p.enabled !== false && !p.consumer && !byName.has(p.name)) {
        byName.set(p.name, p);
      }
    }
  }
  return byName;
}

function rateLimitOf(
  plugin: KongPlugin | undefined,
): NormalizedRoute['rateLimit'] {
  const config = plugin?.config ?? {};
  for (const period of RATE_LIMIT_PERIODS) {
    const value = config[period];
    if (typeof value === 'number' && value > 0) {
      return { requests: value, period };
    }
  }
  return undefined;
}

/**
 * Kong declarative configuration (decK / `kong.yml`): services with nested
 * routes and plugins, top-level routes referring to services, and plugins
 * at route, service and global level.
 *
 * @public
 */
export function parseKongConfig(
  doc: Record<string, any>,
  document = 0,
): GatewayParseResult {
  const routes: NormalizedRoute[] = [];
  const skipped: SkippedItem[] = [];
  const services: KongService[] = Array.isArray(doc.services)
    ? doc.services
    : [];
  const topRoutes: KongRoute[] = Array.isArray(doc.routes) ? doc.routes : [];
  const topPlugins: KongPlugin[] = Array.isArray(doc.plugins)
    ? doc.plugins
    : [];
  const serviceByRef = new Map<string, KongService>();
  for (const s of services) {
    if (s.name) serviceByRef.set(s.name, s);
    if (s.id) serviceByRef.set(s.id, s);
  }
  const pluginsFor = (
    kind: 'service' | 'route',
    keys: (string | undefined)[],
  ) =>
    topPlugins.filter(p => {
      const ref = refName(p[kind]);
      return ref !== undefined && keys.includes(ref);
    });
  const globalPlugins = topPlugins.filter(
    p => !p.service && !p.route && !p.consumer,
  );

  const add = (
    route: KongRoute,
    service: KongService | undefined,
    location: string,
  ) => {
    const name = route.name ?? route.id ?? location;
    const protocols = route.protocols ?? [];
    if (protocols.length && protocols.every(p => STREAM_PROTOCOLS.has(p))) {
      skipped.push({
        document,
        kind: 'route',
        name,
        reason: `stream route (${protocols.join(
          ', ',
        )}): GatewayRoute models HTTP routes only`,
      });
      return;
    }
    if (!service) {
      skipped.push({
        document,
        kind: 'route',
        name,
        reason: `refers to service '${refName(
          route.service,
        )}', which is not in this file`,
      });
      return;
    }
    const plugins = effectivePlugins(
      [
        ...(route.plugins ?? []),
        ...pluginsFor('route', [route.name, route.id]),
      ],
      [
        ...(service.plugins ?? []),
        ...pluginsFor('service', [service.name, service.id]),
      ],
      globalPlugins,
    );
    // Own keys only: a plugin named like an Object member is no authentication.
    const auth = [...plugins.keys()]
      .filter(p => Object.prototype.hasOwnProperty.call(KONG_AUTH_PLUGINS, p))
      .map(p => KONG_AUTH_PLUGINS[p])
      .find(Boolean);
    const paths = route.paths?.length ? route.paths : ['/'];
    routes.push({
      format: 'kong',
      name,
      hosts: route.hosts ?? [],
      // Kong marks regex paths with a leading '~', as GatewayRoute does.
      paths,
      pathMatch: paths.map(p => (p.startsWith('~') ? 'regex' : 'prefix')),
      methods: (route.methods ?? []).map(m => m.toUpperCase()),
      upstreams: upstreamOf(service),
      authentication: auth,
      rateLimit: rateLimitOf(
        KONG_RATE_LIMIT_PLUGINS.map(p => plugins.get(p)).find(Boolean),
      ),
      plugins: [...plugins.keys()].sort(),
      parents: [],
      conditions: Object.entries(route.headers ?? {}).map(
        ([h, values]) => `header ${h} in [${values.join(', ')}]`,
      ),
      source: { document, location },
    });
  };

  services.forEach((service, i) => {
    const nested = service.routes ?? [];
    if (
      !nested.length &&
      !topRoutes.some(r =>
        [service.name, service.id].includes(refName(r.service)),
      )
    ) {
      skipped.push({
        document,
        kind: 'service',
        name: service.name,
        reason:
          'service without routes: nothing is exposed through the gateway',
      });
    }
    nested.forEach((route, j) =>
      add(route, service, `services[${i}].routes[${j}]`),
    );
  });
  topRoutes.forEach((route, i) => {
    const ref = refName(route.service);
    add(route, ref ? serviceByRef.get(ref) : undefined, `routes[${i}]`);
  });
  return { routes, skipped };
}
