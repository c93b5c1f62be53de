import { NormalizedRoute } from './types';

/** Annotation carrying a route's drift as JSON (`RouteDrift[]`), set by the gateway provider. @public */
export const ANNOTATION_ROUTE_DRIFT = 'interchange.dev/route-drift';

/** One difference between a route as declared in a file and as live on the gateway. @public */
export interface RouteDrift {
  /** `route`, `paths`, `methods`, `hosts`, `upstream`, `authentication`, `rateLimit`, `plugins`. */
  field: string;
  declared: string;
  actual: string;
  message: string;
}

const list = (values: string[], empty: string) =>
  values.length ? [...values].sort().join(', ') : empty;

function setDiff(
  field: string,
  declared: string[],
  actual: string[],
  empty: string,
): RouteDrift[] {
  const a = new Set(declared);
  const b = new Set(actual);
  const missing = declared.filter(v => !b.has(v));
  const extra = actual.filter(v => !a.has(v));
  if (!missing.length && !extra.length) {
    return [];
  }
  const parts = [
    missing.length && `not live: ${missing.join(', ')}`,
    extra.length && `only live: ${extra.join(', ')}`,
  ].filter(Boolean);
  return [
    {
      field,
      declared: list(declared, empty),
      actual: list(actual, empty),
      message: `${field} differ (${parts.join('; ')})`,
    },
  ];
}

/**
 * The differences between a route declared in a configuration file and the
 * same route (by name) live on the gateway: paths, methods, hosts,
 * upstream, authentication, rate limit and plugins. `live` undefined means
 * the declared route is not on the gateway.
 *
 * @public
 */
export function computeRouteDrift(
  declared: NormalizedRoute,
  live: NormalizedRoute | undefined,
): RouteDrift[] {
  if (!live) {
    return [
      {
        field: 'route',
        declared: 'present',
        actual: 'absent',
        message: `route ${declared.name} is declared but not live on the gateway`,
      },
    ];
  }
  const drift: RouteDrift[] = [
    ...setDiff('paths', declared.paths, live.paths, '(none)'),
    ...setDiff('methods', declared.methods, live.methods, 'any'),
    ...setDiff('hosts', declared.hosts, live.hosts, 'any'),
    ...setDiff(
      'upstream',
      declared.upstreams.map(u => u.url ?? u.host ?? u.kind),
      live.upstreams.map(u => u.url ?? u.host ?? u.kind),
      '(none)',
    ),
    ...setDiff('plugins', declared.plugins, live.plugins, '(none)'),
  ];
  if ((declared.authentication ?? 'none') !== (live.authentication ?? 'none')) {
    drift.push({
      field: 'authentication',
      declared: declared.authentication ?? 'none',
      actual: live.authentication ?? 'none',
      message: `authentication is ${
        live.authentication ?? 'none'
      } live, declared ${declared.authentication ?? 'none'}`,
    });
  }
  const rate = (r: NormalizedRoute['rateLimit']) =>
    r ? `${r.requests}/${r.period}` : 'none';
  if (rate(declared.rateLimit) !== rate(live.rateLimit)) {
    drift.push({
      field: 'rateLimit',
      declared: rate(declared.rateLimit),
      actual: rate(live.rateLimit),
      message: `rate limit is ${rate(live.rateLimit)} live, declared ${rate(
        declared.rateLimit,
      )}`,
    });
  }
  return drift;
}
