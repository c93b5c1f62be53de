import {
  GatewayRouteAuthentication,
  GatewayRouteRateLimit,
  HTTP_METHODS,
  KONG_AUTH_PLUGIN_FOR,
  KONG_RATE_LIMIT_PLUGINS,
} from '@interchange/plugin-interchange-common';

/** A new route, as a template collects it. */
export interface RouteRenderInput {
  name: string;
  /** Each starts with `/`, or `~/` for a regular expression. */
  paths: string[];
  methods?: string[];
  hosts?: string[];
  /** Kong: the service URL, e.g. `http://order-service.orders.svc:8080`. */
  upstreamUrl?: string;
  /** Gateway API: the backend Service and its port. */
  backendService?: string;
  backendPort?: number;
  /** Gateway API: the Gateway the route attaches to. */
  gatewayName?: string;
  namespace?: string;
  authentication?: GatewayRouteAuthentication;
  rateLimit?: GatewayRouteRateLimit;
}

export interface RenderedRoute {
  document: Record<string, unknown>;
  /** What the format cannot express, for the user to handle. */
  notes: string[];
}

/** Problems with the input for the chosen format, each naming the field. */
export function routeInputProblems(
  format: 'kong' | 'gateway-api',
  input: RouteRenderInput,
): string[] {
  const problems: string[] = [];
  if (!input.paths.length) {
    problems.push("paths: list at least one path, e.g. '/orders'");
  }
  input.paths.forEach((p, i) => {
    if (!p.startsWith('/') && !p.startsWith('~/')) {
      problems.push(
        `paths[${i}]: '${p}' must start with '/' (or '~/' for a regular expression)`,
      );
    }
  });
  (input.methods ?? []).forEach((m, i) => {
    if (!(HTTP_METHODS as readonly string[]).includes(m)) {
      problems.push(
        `methods[${i}]: '${m}' is not an HTTP method; use one of ${HTTP_METHODS.join(
          ', ',
        )}`,
      );
    }
  });
  if (format === 'kong' && !input.upstreamUrl) {
    problems.push(
      "upstreamUrl: Kong needs the service URL, e.g. 'http://order-service.orders.svc:8080'",
    );
  }
  if (format === 'kong' && input.upstreamUrl) {
    try {
      const url = new URL(input.upstreamUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        problems.push(
          `upstreamUrl: '${input.upstreamUrl}' must be http or https`,
        );
      }
    } catch {
      problems.push(`upstreamUrl: '${input.upstreamUrl}' is not a URL`);
    }
  }
  if (format === 'gateway-api') {
    if (!input.backendService) {
      problems.push(
        'backendService: an HTTPRoute needs the Kubernetes Service that serves it',
      );
    }
    if (!input.backendPort) {
      problems.push('backendPort: the port of the backend Service, e.g. 8080');
    }
    if (!input.gatewayName) {
      problems.push('gatewayName: the Gateway the route attaches to');
    }
  }
  return problems;
}

/** Kong declarative configuration (decK, `_format_version` 3.0). */
export function renderKongRoute(input: RouteRenderInput): RenderedRoute {
  const plugins: Record<string, unknown>[] = [];
  if (input.authentication && input.authentication !== 'none') {
    plugins.push({ name: KONG_AUTH_PLUGIN_FOR[input.authentication] });
  }
  if (input.rateLimit) {
    plugins.push({
      name: KONG_RATE_LIMIT_PLUGINS[0],
      config: {
        [input.rateLimit.period]: input.rateLimit.requests,
        policy: 'local',
      },
    });
  }
  const route: Record<string, unknown> = {
    name: input.name,
    paths: input.paths,
    ...(input.methods?.length ? { methods: input.methods } : {}),
    ...(input.hosts?.length ? { hosts: input.hosts } : {}),
    strip_path: false,
  };
  return {
    document: {
      _format_version: '3.0',
      services: [
        {
          name: input.name,
          url: input.upstreamUrl,
          routes: [route],
          ...(plugins.length ? { plugins } : {}),
        },
      ],
    },
    notes: [],
  };
}

/** Kubernetes Gateway API HTTPRoute (gateway.networking.k8s.io/v1). */
export function renderHttpRoute(input: RouteRenderInput): RenderedRoute {
  const notes: string[] = [];
  if (input.authentication && input.authentication !== 'none') {
    notes.push(
      `authentication ${input.authentication} is not part of HTTPRoute; enforce it with your gateway's policy resource`,
    );
  }
  if (input.rateLimit) {
    notes.push(
      "rateLimit is not part of HTTPRoute; configure it with your gateway's policy resource",
    );
  }
  const methods = input.methods?.length ? input.methods : [undefined];
  const matches = input.paths.flatMap(p =>
    methods.map(method => ({
      path: p.startsWith('~/')
        ? { type: 'RegularExpression', value: p.slice(1) }
        : { type: 'PathPrefix', value: p },
      ...(method ? { method } : {}),
    })),
  );
  return {
    document: {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: {
        name: input.name,
        ...(input.namespace ? { namespace: input.namespace } : {}),
      },
      spec: {
        parentRefs: [{ name: input.gatewayName }],
        ...(input.hosts?.length ? { hostnames: input.hosts } : {}),
        rules: [
          {
            matches,
            backendRefs: [
              { name: input.backendService, port: input.backendPort },
            ],
          },
        ],
      },
    },
    notes,
  };
}
