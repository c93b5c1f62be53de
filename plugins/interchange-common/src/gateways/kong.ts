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
  if (typeof ref === 'string') {
    return ref;
  }
  // `service: {name: s1}` or `{id: ...}` as decK and the Admin API write it.
  const named = ref && typeof ref === 'object' ? ref.name ?? ref.id : undefined;
  return typeof named === 'string' ? named : undefined;
}

/** Only the strings of a list a file may have written oddly. */
function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

function upstreamOf(service: KongService | undefined): RouteUpstream[] {
  if (!service) {
    return [];
  }
  const name = typeof service.name === 'string' ? service.name : undefined;
  return upstreamOfService(service).map(u => (name ? { ...u, name } : u));
}

function upstreamOfService(service: KongService): RouteUpstream[] {
  if (typeof service.url === 'string' && service.url) {
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
  if (typeof service.host === 'string' && service.host) {
    const protocol =
      typeof service.protocol === 'string' ? service.protocol : 'http';
    const port = typeof service.port === 'number' ? service.port : undefined;
    return [
      {
        kind: 'url',
        url: `${protocol}://${service.host}${port ? `:${port}` : ''}${
          typeof service.path === 'string' ? service.path : ''
        }`,
        host: service.host,
        port,
      },
    ];
  }
  if (typeof service.name === 'string' && service.name) {
    // No url or host, as Kong Ingress Controller files have it: the
    // Kubernetes Service of that name serves the route.
    return [
      {
        kind: 'service',
        host: service.name,
        ...(typeof service.port === 'number' ? { port: service.port } : {}),
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
      if (
        p &&
        typeof p.name === 'string' &&
        p.enabled !== false &&
        !p.consumer &&
        !byName.has(p.name)
      ) {
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
    if (typeof s?.name === 'string') serviceByRef.set(s.name, s);
    if (typeof s?.id === 'string') serviceByRef.set(s.id, s);
  }
  // Top-level plugins by what they attach to, so each route looks up its own.
  const attached = new Map<string, KongPlugin[]>();
  for (const p of topPlugins) {
    for (const kind of ['service', 'route'] as const) {
      const ref = p && refName(p[kind]);
      if (ref !== undefined) {
        const key = `${kind}\u0000${ref}`;
        attached.set(key, [...(attached.get(key) ?? []), p]);
      }
    }
  }
  const pluginsFor = (
    kind: 'service' | 'route',
    keys: (string | undefined)[],
  ) => {
    const found: KongPlugin[] = [];
    for (const k of new Set(keys)) {
      if (typeof k === 'string') {
        found.push(...(attached.get(`${kind}\u0000${k}`) ?? []));
      }
    }
    return found;
  };
  const globalPlugins = topPlugins.filter(
    p => p && !p.service && !p.route && !p.consumer,
  );

  const add = (
    route: KongRoute,
    service: KongService | undefined,
    location: string,
  ) => {
    const name =
      (typeof route.name === 'string' && route.name) ||
      (typeof route.id === 'string' && route.id) ||
      location;
    const protocols = strings(route.protocols);
    if (protocols.length && protocols.every(p => STREAM_PROTOCOLS.has(p))) {
      skipped.push({
        document,
        kind: 'route',
        name,
        reason: `${location}: stream route (${protocols.join(
          ', ',
        )}): GatewayRoute models HTTP routes only`,
      });
      return;
    }
    if (!service) {
      const ref = refName(route.service);
      skipped.push({
        document,
        kind: 'route',
        name,
        reason: ref
          ? `${location}: refers to service '${ref}', which is not in this file`
          : `${location}: no service (set service: {name: <service>} or nest the route under its service)`,
      });
      return;
    }
    const plugins = effectivePlugins(
      [
        ...(Array.isArray(route.plugins) ? route.plugins : []),
        ...pluginsFor('route', [route.name, route.id]),
      ],
      [
        ...(Array.isArray(service.plugins) ? service.plugins : []),
        ...pluginsFor('service', [service.name, service.id]),
      ],
      globalPlugins,
    );
    // Own keys only: a plugin named like an Object member is no authentication.
    const auth = [...plugins.keys()]
      .filter(p => Object.prototype.hasOwnProperty.call(KONG_AUTH_PLUGINS, p))
      .map(p => KONG_AUTH_PLUGINS[p])
      .find(Boolean);
    const routePaths = strings(route.paths);
    const paths = routePaths.length ? routePaths : ['/'];
    routes.push({
      format: 'kong',
      name,
      hosts: strings(route.hosts),
      // Kong marks regex paths with a leading '~', as GatewayRoute does.
      paths,
      pathMatch: paths.map(p => (p.startsWith('~') ? 'regex' : 'prefix')),
      methods: strings(route.methods).map(m => m.toUpperCase()),
      upstreams: upstreamOf(service),
      authentication: auth,
      rateLimit: rateLimitOf(
        KONG_RATE_LIMIT_PLUGINS.map(p => plugins.get(p)).find(Boolean),
      ),
      plugins: [...plugins.keys()].sort(),
      parents: [],
      conditions: Object.entries(
        route.headers && typeof route.headers === 'object' ? route.headers : {},
      ).map(([h, values]) => `header ${h} in [${strings(values).join(', ')}]`),
      source: { document, location },
    });
  };

  // One pass over the top-level routes, not one per service.
  const referenced = new Set(topRoutes.map(r => refName(r?.service)));
  services.forEach((service, i) => {
    if (!service || typeof service !== 'object') {
      skipped.push({
        document,
        kind: 'service',
        reason: `services[${i}]: not a service (a map with name and url)`,
      });
      return;
    }
    const nested = Array.isArray(service.routes) ? service.routes : [];
    if (
      !nested.length &&
      !referenced.has(service.name) &&
      !referenced.has(service.id)
    ) {
      skipped.push({
        document,
        kind: 'service',
        name: typeof service.name === 'string' ? service.name : undefined,
        reason: `services[${i}]: service without routes: nothing is exposed through the gateway`,
      });
    }
    nested.forEach((route, j) => {
      if (route && typeof route === 'object') {
        add(route, service, `services[${i}].routes[${j}]`);
      } else {
        skipped.push({
          document,
          kind: 'route',
          reason: `services[${i}].routes[${j}]: not a route (a map with paths)`,
        });
      }
    });
  });
  topRoutes.forEach((route, i) => {
    if (!route || typeof route !== 'object') {
      skipped.push({
        document,
        kind: 'route',
        reason: `routes[${i}]: not a route (a map with paths and service)`,
      });
      return;
    }
    const ref = refName(route.service);
    add(route, ref ? serviceByRef.get(ref) : undefined, `routes[${i}]`);
  });
  return { routes, skipped };
}
