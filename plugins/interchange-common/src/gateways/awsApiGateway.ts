import { intrinsicText, lambdaFunctionOf, shortJson } from './cloudFormation';
import { GatewayParseResult, NormalizedRoute, RouteUpstream } from './types';

const OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
/** `any` is what SAM's HTTP API definitions write for every method. */
const ANY_KEYS = new Set(['x-amazon-apigateway-any-method', 'any']);
const INTEGRATION = 'x-amazon-apigateway-integration';

type Integration = {
  type?: unknown;
  uri?: unknown;
  integrationUri?: unknown;
  httpMethod?: unknown;
  connectionType?: unknown;
  connectionId?: unknown;
  $ref?: unknown;
};

/**
 * Where an integration sends requests, or why that cannot be told. URIs
 * may be CloudFormation intrinsics (`Fn::Sub`, `!GetAtt`, `Fn::Join`,
 * `Fn::ImportValue`): they are shown with their placeholders.
 */
function upstreamOf(
  integration: Integration,
  where: string,
): RouteUpstream | { reason: string } {
  const type = String(intrinsicText(integration.type) ?? '').toLowerCase();
  if (type === 'mock') {
    return { kind: 'mock' };
  }
  const rawUri = integration.uri ?? integration.integrationUri;
  const uri = intrinsicText(rawUri);
  if (uri === undefined) {
    return {
      reason: `${where}.uri: ${
        rawUri === undefined
          ? 'no uri'
          : `cannot read ${shortJson(
              rawUri,
            )} (a string or Fn::Sub, Fn::Join, Fn::GetAtt, Fn::ImportValue, Ref)`
      }`,
    };
  }
  let upstream: RouteUpstream;
  const fn = lambdaFunctionOf(uri);
  if ((type === 'aws' || type === 'aws_proxy') && fn) {
    upstream = { kind: 'lambda', host: fn, url: uri };
  } else {
    try {
      const url = new URL(uri);
      // A host still holding a `${...}` placeholder names no host yet.
      upstream = /[${}%]/.test(url.hostname)
        ? { kind: 'url', url: uri }
        : { kind: 'url', url: uri, host: url.hostname };
    } catch {
      upstream = { kind: 'url', url: uri };
    }
  }
  if (
    String(intrinsicText(integration.connectionType)).toUpperCase() ===
    'VPC_LINK'
  ) {
    const id = intrinsicText(integration.connectionId);
    upstream.via = id ? `VPC link ${id}` : 'VPC link';
  }
  return upstream;
}

/** An integration, following a `$ref` into `x-amazon-apigateway-integrations`. */
function integrationOf(
  doc: Record<string, any>,
  value: unknown,
): Integration | undefined {
  if (!value || typeof value !== 'object') {
    return undefined;
  }
  const ref = (value as Integration).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    let target: any = doc;
    for (const part of ref.slice(2).split('/')) {
      target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return target && typeof target === 'object' ? target : undefined;
  }
  return value as Integration;
}

/**
 * The gateway path of a path template. `/$default` (HTTP APIs) is every
 * path; templates, greedy `{proxy+}` ones included, stay as written.
 */
function pathOf(
  template: string,
  basePath: string,
): { path: string; match: 'prefix' | 'template' | 'exact' } {
  const base = basePath === '/' ? '' : basePath.replace(/\/$/, '');
  if (template === '/$default' || template === '$default') {
    return { path: `${base}/`, match: 'prefix' };
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
  if (!doc.paths && doc.Resources) {
    return parseAwsTemplate(doc, document);
  }
  return parseApiDefinition(doc, document, '');
}

function parseApiDefinition(
  doc: Record<string, any>,
  document: number,
  at: string,
  resourceId?: string,
): GatewayParseResult {
  const routes: NormalizedRoute[] = [];
  const skipped: GatewayParseResult['skipped'] = [];
  let basePath: string = intrinsicText(doc.basePath) ?? '';
  const host = intrinsicText(doc.host);
  const hosts: string[] = host && !host.includes('${') ? [host] : [];
  for (const server of Array.isArray(doc.servers) ? doc.servers : []) {
    try {
      const url = new URL(
        String(intrinsicText(server?.url) ?? '').replace(
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
  // In a template the resource's logical id names the API; its title is often `!Sub ${AWS::StackName}`.
  const title = resourceId ?? intrinsicText(doc.info?.title) ?? 'api';
  for (const [template, item] of Object.entries<Record<string, any>>(
    doc.paths && typeof doc.paths === 'object' ? doc.paths : {},
  )) {
    const { path, match } = pathOf(template, basePath);
    for (const key of [...OPERATIONS, ...ANY_KEYS]) {
      const operation = item?.[key];
      if (!operation || typeof operation !== 'object') {
        continue;
      }
      const anyMethod = ANY_KEYS.has(key);
      const method = anyMethod ? 'ANY' : key.toUpperCase();
      const location = `${at}paths["${template}"].${key}`;
      const integration = integrationOf(doc, operation[INTEGRATION]);
      if (!integration) {
        skipped.push({
          document,
          kind: 'operation',
          name: `${method} ${template}`,
          reason: `${location}: ${
            operation[INTEGRATION]
              ? `${INTEGRATION} ${shortJson(
                  operation[INTEGRATION],
                )} points at nothing in this file`
              : `no ${INTEGRATION}: API Gateway would not serve it`
          }`,
        });
        continue;
      }
      const upstream = upstreamOf(integration, `${location}.${INTEGRATION}`);
      if ('reason' in upstream) {
        skipped.push({
          document,
          kind: 'operation',
          name: `${method} ${template}`,
          reason: upstream.reason,
        });
        continue;
      }
      const operationId = intrinsicText(operation.operationId);
      routes.push({
        format: 'aws-api-gateway',
        name: operationId ?? `${title} ${method} ${template}`,
        hosts: [...new Set(hosts)],
        paths: [path],
        pathMatch: [match],
        methods: anyMethod ? [] : [method],
        upstreams: [upstream],
        authentication: authenticationOf(doc, operation),
        plugins: [],
        parents: [],
        conditions: [],
        source: { document, location },
      });
    }
  }
  return { routes, skipped };
}

/** Resource types whose properties hold an API definition, and which property. */
const BODY_PROPERTY: Record<string, string> = {
  'AWS::Serverless::Api': 'DefinitionBody',
  'AWS::Serverless::HttpApi': 'DefinitionBody',
  'AWS::ApiGateway::RestApi': 'Body',
  'AWS::ApiGatewayV2::Api': 'Body',
};
const FUNCTION = 'AWS::Serverless::Function';
const API_EVENTS = new Set(['Api', 'HttpApi']);

/** Whether a document is a CloudFormation or SAM template with an API in it. @public */
export function isAwsApiTemplate(doc: Record<string, unknown>): boolean {
  const resources = doc.Resources;
  if (!resources || typeof resources !== 'object') {
    return false;
  }
  return Object.values(resources).some(r => {
    const type = (r as { Type?: unknown })?.Type;
    return (
      typeof type === 'string' && (type in BODY_PROPERTY || type === FUNCTION)
    );
  });
}

/**
 * A CloudFormation or SAM template: the API definitions embedded in
 * `AWS::Serverless::Api`/`HttpApi` (`DefinitionBody`) and
 * `AWS::ApiGateway::RestApi`/`AWS::ApiGatewayV2::Api` (`Body`), and the
 * `Api`/`HttpApi` events of `AWS::Serverless::Function`s (each a route to
 * that function). Definitions kept in other files are skipped, saying so.
 */
function parseAwsTemplate(
  doc: Record<string, any>,
  document: number,
): GatewayParseResult {
  const routes: NormalizedRoute[] = [];
  const skipped: GatewayParseResult['skipped'] = [];
  for (const [id, resource] of Object.entries<Record<string, any>>(
    doc.Resources,
  )) {
    const type = resource?.Type;
    const properties = resource?.Properties ?? {};
    // Own keys only: a Type such as `__proto__` must not find the prototype.
    const bodyKey =
      typeof type === 'string' && Object.hasOwn(BODY_PROPERTY, type)
        ? BODY_PROPERTY[type]
        : undefined;
    if (bodyKey) {
      const body = properties[bodyKey];
      const at = `Resources.${id}.Properties.${bodyKey}`;
      if (body && typeof body === 'object' && body.paths) {
        const parsed = parseApiDefinition(body, document, `${at}.`, id);
        routes.push(...parsed.routes);
        skipped.push(...parsed.skipped);
      } else if (
        body ||
        properties.DefinitionUri ||
        properties.BodyS3Location
      ) {
        skipped.push({
          document,
          kind: type,
          name: id,
          reason: `${at}: the API definition is in another file (${
            body ? shortJson(body) : 'DefinitionUri/BodyS3Location'
          }); list that file instead`,
        });
      } else if (type === 'AWS::ApiGateway::RestApi') {
        skipped.push({
          document,
          kind: type,
          name: id,
          reason: `Resources.${id}: no Body; routes declared as AWS::ApiGateway::Resource and Method resources are not read (export the API, or embed its definition as Body)`,
        });
      }
      continue;
    }
    if (type !== FUNCTION) {
      continue;
    }
    const fnName = intrinsicText(properties.FunctionName);
    const host = fnName && !fnName.includes('${') ? fnName : id;
    for (const [event, spec] of Object.entries<Record<string, any>>(
      properties.Events ?? {},
    )) {
      if (!API_EVENTS.has(spec?.Type)) {
        continue;
      }
      const at = `Resources.${id}.Properties.Events.${event}`;
      const path = intrinsicText(spec.Properties?.Path);
      const method = intrinsicText(spec.Properties?.Method)?.toUpperCase();
      if (!path || !path.startsWith('/') || !method) {
        // An HttpApi event without Path and Method is the API's default route.
        if (spec.Type === 'HttpApi' && !spec.Properties?.Path) {
          routes.push(functionRoute(id, host, '/', 'prefix', [], at, document));
          continue;
        }
        skipped.push({
          document,
          kind: `${spec.Type} event`,
          name: `${id}.${event}`,
          reason: `${at}: needs Properties.Path (starting with /) and Properties.Method`,
        });
        continue;
      }
      routes.push(
        functionRoute(
          id,
          host,
          path,
          /\{[^}]+\}/.test(path) ? 'template' : 'exact',
          method === 'ANY' ? [] : [method],
          at,
          document,
          spec.Properties?.Auth?.ApiKeyRequired === true
            ? 'api-key'
            : undefined,
        ),
      );
    }
  }
  return { routes, skipped };
}

function functionRoute(
  id: string,
  host: string,
  path: string,
  match: 'prefix' | 'template' | 'exact',
  methods: string[],
  location: string,
  document: number,
  authentication?: NormalizedRoute['authentication'],
): NormalizedRoute {
  return {
    format: 'aws-api-gateway',
    name: `${id} ${methods[0] ?? 'ANY'} ${path}`,
    hosts: [],
    paths: [path],
    pathMatch: [match],
    methods,
    upstreams: [{ kind: 'lambda', host }],
    ...(authentication ? { authentication } : {}),
    plugins: [],
    parents: [],
    conditions: [],
    source: { document, location },
  };
}
