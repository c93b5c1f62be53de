import { GatewayRouteEntityV1alpha1 } from '../entities/types';
import { untrustedPatternProblem } from '../limits/untrustedPattern';
import { checkEntityRef } from './entityRefs';
import { describeValue, EntityProblem } from './EntityProblem';

/** @public */
export const HTTP_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'CONNECT',
] as const;

const HOST =
  /^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(:\d{1,5})?$/;

function pathProblems(path: unknown, at: string): EntityProblem[] {
  if (typeof path !== 'string') {
    return [];
  }
  if (path.startsWith('~/')) {
    // Checked as if it were run: a later feature (or a gateway) may match
    // requests against it, and a catastrophic pattern would stall that.
    const problem = untrustedPatternProblem(path.slice(1));
    return problem
      ? [
          {
            path: at,
            message: problem.message,
            fix: `${problem.fix} after '~', e.g. '~/orders/\\d+$'`,
          },
        ]
      : [];
  }
  if (!path.startsWith('/')) {
    return [
      {
        path: at,
        message: `must start with '/' (or '~/' for a regex path) (got ${describeValue(
          path,
        )})`,
        fix: `write '/${path.replace(/^~?\/*/, '')}'`,
      },
    ];
  }
  return [];
}

/** Rules for a GatewayRoute beyond its JSON schema. */
export function gatewayRouteProblems(
  entity: GatewayRouteEntityV1alpha1,
  options: { knownGateways?: string[] },
): EntityProblem[] {
  const spec = entity.spec;
  const problems: EntityProblem[] = [];

  (Array.isArray(spec.paths) ? spec.paths : []).forEach((p, i) =>
    problems.push(...pathProblems(p, `spec.paths[${i}]`)),
  );

  if (spec.upstream === undefined && spec.upstreamUrl === undefined) {
    problems.push({
      path: 'spec.upstream',
      message: 'is required when spec.upstreamUrl is not set',
      fix: "set spec.upstream to the serving component (e.g. 'order-service'), or spec.upstreamUrl to its URL",
    });
  }
  if (typeof spec.upstreamUrl === 'string') {
    let ok = false;
    try {
      ok = ['http:', 'https:', 'grpc:', 'grpcs:'].includes(
        new URL(spec.upstreamUrl).protocol,
      );
    } catch {
      ok = false;
    }
    if (!ok) {
      problems.push({
        path: 'spec.upstreamUrl',
        message: `is not an http(s) or grpc(s) URL (got ${describeValue(
          spec.upstreamUrl,
        )})`,
        fix: "write a full URL, e.g. 'http://order-service.orders.svc:8080'",
      });
    }
  }

  (Array.isArray(spec.methods) ? spec.methods : []).forEach((m, i) => {
    if (
      typeof m !== 'string' ||
      (HTTP_METHODS as readonly string[]).includes(m)
    ) {
      return;
    }
    const upper = m.toUpperCase();
    problems.push({
      path: `spec.methods[${i}]`,
      message: (HTTP_METHODS as readonly string[]).includes(upper)
        ? `must be upper case (got '${m}')`
        : `is not an HTTP method (got '${m}')`,
      fix: (HTTP_METHODS as readonly string[]).includes(upper)
        ? `write '${upper}'`
        : `use one of ${HTTP_METHODS.join(', ')}`,
    });
  });

  (Array.isArray(spec.hosts) ? spec.hosts : []).forEach((h, i) => {
    if (typeof h === 'string' && !HOST.test(h)) {
      problems.push({
        path: `spec.hosts[${i}]`,
        message: `is not a host name (got ${describeValue(h)})`,
        fix: "write a bare host such as 'api.example.com' or '*.example.com', without scheme or path",
      });
    }
  });

  if (
    options.knownGateways &&
    typeof spec.gateway === 'string' &&
    !options.knownGateways.includes(spec.gateway)
  ) {
    problems.push({
      path: 'spec.gateway',
      message: `'${spec.gateway}' is not a configured gateway`,
      fix: options.knownGateways.length
        ? `use one of ${options.knownGateways
            .map(g => `'${g}'`)
            .join(', ')}, or add it to interchange.gateways in app-config`
        : 'add it to interchange.gateways in app-config',
    });
  }

  problems.push(
    ...checkEntityRef(spec.upstream, 'spec.upstream', {
      defaultKind: 'Component',
      allowedKinds: ['Component', 'Resource'],
      example: 'order-service',
    }),
    ...checkEntityRef(spec.api, 'spec.api', {
      defaultKind: 'API',
      allowedKinds: ['API'],
      example: 'orders-api',
    }),
  );
  return problems;
}
