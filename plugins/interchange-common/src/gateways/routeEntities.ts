import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_UPSTREAM_HOSTS,
  GATEWAY_ROUTE_KIND,
  INTERCHANGE_API_VERSION,
} from '../entities/constants';
import type { GatewayRouteEntityV1alpha1 } from '../entities/types';
import { NormalizedRoute, RouteUpstream } from './types';

/** Set on ingested routes whose upstream matched no component. @public */
export const ANNOTATION_UPSTREAM_UNMATCHED =
  'interchange.dev/upstream-unmatched';
/** Where an ingested route came from: `file:<path>` or `kong:<adminUrl>`. @public */
export const ANNOTATION_ROUTE_SOURCE = 'interchange.dev/route-source';
/** The route's place in its source, e.g. `services[0].routes[1]`. @public */
export const ANNOTATION_ROUTE_LOCATION = 'interchange.dev/route-location';

const NAME_MAX = 63;

/** A valid entity name from a route name: lower case, `[a-z0-9._-]`, at most 63 characters. */
export function routeEntityName(gateway: string, routeName: string): string {
  const raw = `${gateway}.${routeName}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-');
  let name = raw.slice(0, NAME_MAX).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  if (raw.length > NAME_MAX) {
    // Keep long names unique: a short hash of the full name at the end.
    let h = 0;
    for (const c of raw) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
    name = `${name.slice(0, NAME_MAX - 7).replace(/[^a-z0-9]+$/, '')}-${h
      .toString(36)
      .slice(0, 6)}`;
  }
  return name;
}

function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.trim().toLowerCase();
  const h = host.toLowerCase();
  return p.startsWith('*.') ? h.endsWith(p.slice(1)) : p === h;
}

/**
 * The component that serves an upstream, by the documented rule:
 * 1. a component whose `interchange.dev/upstream-hosts` annotation lists the
 *    upstream host (exact, or `*.suffix`);
 * 2. else a component named like the host's first label
 *    (`order-service.orders.svc` -> `order-service`; Lambda `Calc` -> `calc`).
 *
 * @public
 */
export function matchUpstreamComponent(
  upstream: RouteUpstream,
  components: Entity[],
): Entity | undefined {
  const host = upstream.host;
  if (!host) {
    return undefined;
  }
  const byAnnotation = components.find(c =>
    (c.metadata.annotations?.[ANNOTATION_UPSTREAM_HOSTS] ?? '')
      .split(',')
      .filter(Boolean)
      .some(p => hostMatches(p, host)),
  );
  if (byAnnotation) {
    return byAnnotation;
  }
  const label = host.split('.')[0].toLowerCase();
  return components.find(c => c.metadata.name.toLowerCase() === label);
}

function upstreamUrl(u: RouteUpstream): string | undefined {
  if (u.kind === 'url' && u.url && /^(https?|grpcs?):\/\//.test(u.url)) {
    return u.url;
  }
  if (u.kind === 'service' && u.host) {
    const ns = u.namespace ? `.${u.namespace}.svc` : '';
    return `http://${u.host}${ns}${u.port ? `:${u.port}` : ''}`;
  }
  if (u.kind === 'lambda' && u.host) {
    // A Lambda has no HTTP URL of its own; link to the function instead.
    return `https://console.aws.amazon.com/lambda/home#/functions/${encodeURIComponent(
      u.host,
    )}`;
  }
  return undefined;
}

/** What a GatewayRoute entity of an ingested route is built with. @public */
export interface RouteEntityOptions {
  gateway: string;
  defaultOwner: string;
  defaultSystem?: string;
  /** `file:<path>` or `kong:<adminUrl>`. */
  source: string;
  /** For `backstage.io/managed-by-location`. */
  location: string;
}

/**
 * A GatewayRoute entity for an ingested route. Owner and system come from
 * the component serving it, else from the defaults; a route whose upstream
 * matches no component is still returned, flagged with
 * `interchange.dev/upstream-unmatched`. Returns undefined for routes with no
 * upstream at all (answered by the gateway itself).
 *
 * @public
 */
export function routeToEntity(
  route: NormalizedRoute,
  options: RouteEntityOptions & { components: Entity[] },
): GatewayRouteEntityV1alpha1 | undefined {
  const component = route.upstreams
    .filter(u => u.kind !== 'mock')
    .map(u => matchUpstreamComponent(u, options.components))
    .find(Boolean);
  return linkedRouteToEntity(route, component, options);
}

/**
 * routeToEntity for a route already linked to the component serving it
 * (found by matchUpstreamComponent), or to none.
 *
 * @public
 */
export function linkedRouteToEntity(
  route: NormalizedRoute,
  component: Entity | undefined,
  options: RouteEntityOptions,
): GatewayRouteEntityV1alpha1 | undefined {
  const real = route.upstreams.filter(u => u.kind !== 'mock');
  if (!real.length) {
    return undefined;
  }
  const componentSpec = (component?.spec ?? {}) as {
    owner?: string;
    system?: string;
    providesApis?: string[];
  };
  const apis = componentSpec.providesApis ?? [];
  const url = real.map(upstreamUrl).find(Boolean);
  const hosts = route.hosts.filter(h => h !== '*');
  const spec: GatewayRouteEntityV1alpha1['spec'] = {
    owner: componentSpec.owner ?? options.defaultOwner,
    gateway: options.gateway,
    paths: route.paths,
    ...(componentSpec.system ?? options.defaultSystem
      ? { system: componentSpec.system ?? options.defaultSystem }
      : {}),
    ...(route.methods.length ? { methods: route.methods } : {}),
    ...(hosts.length ? { hosts } : {}),
    ...(component ? { upstream: stringifyEntityRef(component) } : {}),
    ...(url ? { upstreamUrl: url } : {}),
    // One API provided: the route exposes it. Several: ambiguous, left out.
    ...(apis.length === 1 ? { api: apis[0] } : {}),
    ...(route.authentication ? { authentication: route.authentication } : {}),
    ...(route.rateLimit ? { rateLimit: route.rateLimit } : {}),
  };
  if (!spec.upstream && !spec.upstreamUrl) {
    return undefined;
  }
  return {
    apiVersion: INTERCHANGE_API_VERSION,
    kind: GATEWAY_ROUTE_KIND,
    metadata: {
      name: routeEntityName(options.gateway, route.name),
      title: route.name,
      ...(route.conditions.length
        ? { description: `Only when ${route.conditions.join('; ')}` }
        : {}),
      tags: ['ingested', route.format],
      annotations: {
        'backstage.io/managed-by-location': options.location,
        'backstage.io/managed-by-origin-location': options.location,
        [ANNOTATION_ROUTE_SOURCE]: options.source,
        [ANNOTATION_ROUTE_LOCATION]: route.source.location,
        ...(component ? {} : { [ANNOTATION_UPSTREAM_UNMATCHED]: 'true' }),
      },
    },
    spec,
  } as GatewayRouteEntityV1alpha1;
}
