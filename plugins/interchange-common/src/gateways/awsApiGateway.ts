import { GatewayParseResult, NormalizedRoute, RouteUpstream } from './types';

const OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const ANY = 'x-amazon-apigateway-any-method';
const INTEGRATION = 'x-amazon-apigateway-integration';

type Integration = {
  type?: string;
  uri?: string;
  httpMethod?: string;
  connectionType?: string;
};

/** The Lambda function in an integration URI, e.g. `...:function:Calc/invocations`. */
function lambdaName(uri: string): string | undefined {
  return uri.match(/:function:([^/:]+)/)?.[1];
}

function upstreamOf(integration: Integration): RouteUpstream {
  const type = (integration.type ?? '').toLowerCase();
  const uri = integration.uri ?? '';
  if (type === 'mock') {
    return { kind: 'mock' };
  }
  if (type === 'aws' || type === 'aws_proxy') {
    const fn = lambdaName(uri);
    return fn
      ? { kind: 'lambda', host: fn, url: uri }
      : { kind: 'url', url: uri };
  }
  try {
    const url = new URL(uri);
    return { kind: 'url', url: uri, host: url.hostname };
  } catch {
    return { kind: 'url', url: uri };
  }
}

/**
 * Greedy path variables (`{proxy+}`) match everything below their
 * position: a prefix. Other templates stay as written.
 */
function pathOf(
  template: string,
  basePath: string,
): { path: string; match: 'prefix' | 'template' | 'exact' } {
  const base = basePath === '/' ? '' : basePath.replace(/\/$/, '');
  if (template === '/$default') {
    return { path: `${base}/`, match: 'prefix' };
  }
  const greedy = template.match(/^(.*\/)\{[^}]+\+\}$/);
  if (greedy) {
    return { path: `${base}${greedy[1]}`, match: 'prefix' };
  }
  return {
    path: `${base}${template}`,
    match: /\{[^}]+\}/.test(template) ? 'template' : 'exact',
  };
}

/** What the API's security requirement means for GatewayRoute.authentication. */
function authenticationOf(
  doc: Record<string, any>,
  operation: Record<string, any>,
): NormalizedRoute['authentication'] {
  const schemes = {
    ...(doc.securityDefinitions ?? {}),
    ...(doc.components?.securitySchemes ?? {}),
  };
  const requirements: Record<string, unknown>[] =
    operation.security ?? doc.security ?? [];
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const scheme = schemes[name] ?? {};
      const authorizer = scheme['x-amazon-apigateway-authorizer'];
      if (
        authorizer?.type === 'jwt' ||
        authorizer?.type === 'cognito_user_pools'
      )
        return 'jwt';
      if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect')
        return 'oauth2';
      if (scheme.type === 'apiKey' && !authorizer) return 'api-key';
    }
  }
  return undefined;
}

/**
 * An AWS API Gateway OpenAPI export (OpenAPI 2 or 3 with
 * `x-amazon-apigateway-integration`): one route per path and method;
 * `x-amazon-apigateway-any-method` is every method, `{proxy+}` a prefix.
 * Operations without an integration are reported as skipped.
 *
 * @public
 */
export function parseAwsApiGatewayExport(
  doc: Record<string, any>,
  document = 0,
): GatewayParseResult {
  const routes: NormalizedRoute[] = [];
  const skipped: GatewayParseResult['skipped'] = [];
  let basePath: string = doc.basePath ?? '';
  const hosts: string[] = doc.host ? [doc.host] : [];
  for (const server of doc.servers ?? []) {
    try {
      const url = new URL(
        String(server.url).replace(
          /\{basePath\}/,
          server.variables?.basePath?.default ?? '',
        ),
      );
      hosts.push(url.hostname);
      basePath ||= url.pathname === '/' ? '' : url.pathname;
    } catch {
      // A relative server URL carries no host.
    }
  }
  const title = doc.info?.title ?? 'api';
  for (const [template, item] of Object.entries<Record<string, any>>(
    doc.paths ?? {},
  )) {
    const { path, match } = pathOf(template, basePath);
    for (const key of [...OPERATIONS, ANY]) {
      const operation = item?.[key];
      if (!operation) {
        continue;
      }
      const method = key === ANY ? 'ANY' : key.toUpperCase();
      const integration: Integration | undefined = operation[INTEGRATION];
      if (!integration) {
        skipped.push({
          document,
          kind: 'operation',
          name: `${method} ${template}`,
          reason: `no ${INTEGRATION}: API Gateway would not serve it`,
        });
        continue;
      }
      routes.push({
        format: 'aws-api-gateway',
        name: operation.operationId ?? `${title} ${method} ${template}`,
        hosts: [...new Set(hosts)],
        paths: [path],
        pathMatch: [match],
        methods: key === ANY ? [] : [method],
        upstreams: [upstreamOf(integration)],
        authentication: authenticationOf(doc, operation),
        plugins: [],
        parents: [],
        conditions: [],
        source: { document, location: `paths["${template}"].${key}` },
      });
    }
  }
  return { routes, skipped };
}
