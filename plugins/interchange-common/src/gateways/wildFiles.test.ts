import fs from 'node:fs';
import path from 'node:path';
import { parseGatewayConfig } from './parseGatewayConfig';
import { NormalizedRoute, RouteUpstream } from './types';

/**
 * Real public files of the failure classes users met (see
 * __fixtures__/SOURCES.md): every route must come out with its real
 * upstream, and nothing may print as `[object Object]` or `undefined`.
 */
const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

/** name -> upstreams as `kind host[:port]` / url, for compact expectations. */
function upstreams(routes: NormalizedRoute[]): Record<string, string[]> {
  const text = (u: RouteUpstream) =>
    u.kind === 'url'
      ? String(u.url)
      : `${u.kind} ${u.host ?? ''}${u.port ? `:${u.port}` : ''}`.trim();
  return Object.fromEntries(routes.map(r => [r.name, r.upstreams.map(text)]));
}

function expectClean(value: unknown) {
  const json = JSON.stringify(value);
  expect(json).not.toContain('[object Object]');
  expect(json).not.toContain('undefined');
}

const ALL = fs
  .readdirSync(path.join(__dirname, '__fixtures__'))
  .filter(f => /\.(ya?ml|json)$/.test(f));

describe('gateway files as they are in the wild', () => {
  it.each(ALL)(
    '%s: no route or skip reason prints an object or undefined',
    f => {
      const result = parseGatewayConfig(fixture(f));
      expectClean(result);
      for (const r of result.routes) {
        expect(r.upstreams.length).toBeGreaterThan(0);
      }
    },
  );

  it('Kong: top-level routes with `service: {name: ...}` reach the service, and keep its name', () => {
    const result = parseGatewayConfig(
      fixture('deck-kong2kic-route-input.yaml'),
    );
    expect(upstreams(result.routes)).toEqual({
      'simple-route': ['service simple-service:8080'],
      '_route_thisISAveryvery_long_+name_toVALIDATEthat(the slugify functionality w0rks4s3xp3ct3d)_':
        ['service simple-service:8080'],
      'top-route': ['service simple-service:8080'],
    });
    expect(
      result.routes.every(r => r.upstreams[0].name === 'simple-service'),
    ).toBe(true);
    expect(result.skipped).toEqual([]);
  });

  it('Kong 3.x files: services with host and port, global key-auth', () => {
    expect(
      upstreams(
        parseGatewayConfig(fixture('deck-convert-3x-services.yaml')).routes,
      ),
    ).toEqual({
      r1: ['http://mockbin.org'],
      r2: ['http://mockbin.org'],
      r3: ['http://mockbin.org:80'],
    });
    const groups = parseGatewayConfig(
      fixture('deck-kong3x-consumer-groups.yaml'),
    );
    expect(upstreams(groups.routes)).toEqual({ r1: ['http://mockbin.org:80'] });
    expect(groups.routes[0].authentication).toBe('api-key');
    expect(groups.routes[0].upstreams[0].name).toBe('svc1');
  });

  it('Kong: a top-level route without a service is skipped, saying where and what to set', () => {
    const result = parseGatewayConfig(
      fixture('deck-3x-route-without-service.yaml'),
    );
    expect(result.routes).toEqual([]);
    expect(result.skipped).toEqual([
      {
        document: 0,
        kind: 'route',
        name: 'example-route',
        reason:
          'routes[0]: no service (set service: {name: <service>} or nest the route under its service)',
      },
    ]);
  });

  it('AWS: Fn::Sub / !Sub integration URIs in SAM definition bodies give the Lambda function', () => {
    const cors = parseGatewayConfig(
      fixture('sam-api-with-cors-openapi-3.yaml'),
    );
    expect(cors.formats).toEqual(['aws-api-gateway']);
    expect(
      cors.routes.map(r => [
        r.name,
        r.paths,
        r.upstreams[0].kind,
        r.upstreams[0].host,
      ]),
    ).toEqual([
      ['ImplicitApiFunction GET /', ['/'], 'lambda', 'ImplicitApiFunction'],
      [
        'ImplicitApiFunction ANY /foo',
        ['/foo'],
        'lambda',
        'ImplicitApiFunction',
      ],
      ['ExplicitApi POST /add', ['/add'], 'lambda', 'RestApiFunction'],
      ['ExplicitApi ANY /{proxy+}', ['/{proxy+}'], 'lambda', 'GetHtmlFunction'],
    ]);
    const sub = parseGatewayConfig(
      fixture('sam-api-with-openapi-definition-body-no-flag.yaml'),
    );
    expect(
      sub.routes.map(r => [r.name, r.upstreams[0].host, r.upstreams[0].url]),
    ).toEqual([
      ['ImplicitApiFunction GET /', 'ImplicitApiFunction', undefined],
      [
        'ExplicitApi GET /',
        'ImplicitApiFunction',
        'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ImplicitApiFunction.Arn}/invocations',
      ],
    ]);
  });

  it('AWS: a greedy {proxy+} path stays /{proxy+} (a template), not /', () => {
    const route = parseGatewayConfig(fixture('aws-any-method-proxy.json'))
      .routes[0];
    expect(route.paths).toEqual(['/{proxy+}']);
    expect(route.pathMatch).toEqual(['template']);
  });

  it('AWS: a VPC link integration shows its URL and the link, not [object Object]', () => {
    const route = parseGatewayConfig(fixture('aws-vpc-link-export.json'))
      .routes[0];
    expect(route.upstreams).toEqual([
      {
        kind: 'url',
        url: 'http://my-vpclink-test-nlb-1234567890abcdef.us-east-2.amazonaws.com',
        host: 'my-vpclink-test-nlb-1234567890abcdef.us-east-2.amazonaws.com',
        via: 'VPC link ${stageVariables.vpcLinkId}',
      },
    ]);
  });

  it('AWS: HTTP API definitions (`any`, `$default`) and SAM HttpApi events', () => {
    expect(
      upstreams(
        parseGatewayConfig(fixture('sam-api-with-any-method-in-swagger.yaml'))
          .routes,
      ),
    ).toEqual({
      'HttpApiFunction ANY /': ['lambda HttpApiFunction'],
      'HttpApiFunction GET /': ['lambda HttpApiFunction'],
      'MyApi ANY /': ['https://www.alphavantage.co/'],
    });
    const explicit = parseGatewayConfig(fixture('sam-explicit-http-api.yaml'));
    expect(upstreams(explicit.routes)).toEqual({
      'HttpApiFunction ANY /': ['lambda HttpApiFunction'],
      'HttpApiFunction GET /': ['lambda HttpApiFunction'],
      'MyApi2 ANY $default': ['https://www.alphavantage.co/'],
    });
    expect(explicit.skipped.map(s => s.reason)).toEqual([
      'Resources.MyApi2.Properties.DefinitionBody.paths["/"].get: no x-amazon-apigateway-integration: API Gateway would not serve it',
    ]);
  });

  it('AWS: Fn::Join, !GetAtt and Fn::ImportValue URIs are shown with placeholders; what cannot be read is skipped with its place', () => {
    const template = `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        info: { title: orders }
        paths:
          /orders:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                uri:
                  Fn::Join:
                    - ''
                    - - 'arn:aws:apigateway:'
                      - !Ref AWS::Region
                      - ':lambda:path/2015-03-31/functions/'
                      - !GetAtt OrdersFunction.Arn
                      - /invocations
            post:
              x-amazon-apigateway-integration:
                type: http_proxy
                connectionType: VPC_LINK
                connectionId: !ImportValue shared-vpc-link
                uri: !Sub 'http://\${Nlb.DNSName}/orders'
          /stock:
            get:
              x-amazon-apigateway-integration:
                type: http_proxy
                uri: !ImportValue stock-service-url
          /broken:
            get:
              x-amazon-apigateway-integration:
                type: http_proxy
                uri: { Fn::Select: [0, [a, b]] }
`;
    const result = parseGatewayConfig(template);
    expect(result.routes.map(r => [r.name, r.upstreams[0]])).toEqual([
      [
        'Api GET /orders',
        {
          kind: 'lambda',
          host: 'OrdersFunction',
          url: 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OrdersFunction.Arn}/invocations',
        },
      ],
      [
        'Api POST /orders',
        {
          kind: 'url',
          url: 'http://${Nlb.DNSName}/orders',
          via: 'VPC link ${ImportValue:shared-vpc-link}',
        },
      ],
      [
        'Api GET /stock',
        { kind: 'url', url: '${ImportValue:stock-service-url}' },
      ],
    ]);
    expect(result.skipped).toEqual([
      {
        document: 0,
        kind: 'operation',
        name: 'GET /broken',
        reason:
          'Resources.Api.Properties.Body.paths["/broken"].get.x-amazon-apigateway-integration.uri: cannot read {"Fn::Select":[0,["a","b"]]} (a string or Fn::Sub, Fn::Join, Fn::GetAtt, Fn::ImportValue, Ref)',
      },
    ]);
  });

  it('HTTPRoute and VirtualService files from the projects themselves', () => {
    expect(
      upstreams(
        parseGatewayConfig(fixture('gateway-api-httproute-gamma.yaml')).routes,
      ),
    ).toEqual({ store: ['service cart'] });
    expect(
      upstreams(
        parseGatewayConfig(fixture('gateway-api-http-cors.yaml')).routes,
      ),
    ).toEqual({ 'cors-allow-credentials': ['service infra-backend-v1:8080'] });
    expect(
      upstreams(
        parseGatewayConfig(fixture('gateway-api-redirect-https.yaml')).routes,
      ),
    ).toEqual({ 'https-route': ['service example-svc:80'] });
    expect(
      upstreams(
        parseGatewayConfig(fixture('gateway-api-store-route.yaml')).routes,
      ),
    ).toEqual({ store: ['service store:8080'] });
    expect(
      upstreams(
        parseGatewayConfig(fixture('istio-virtual-service-all-v1.yaml')).routes,
      ),
    ).toEqual({
      productpage: ['service productpage'],
      reviews: ['service reviews'],
      ratings: ['service ratings'],
      details: ['service details'],
    });
    expect(
      upstreams(
        parseGatewayConfig(fixture('istio-ratings-test-abort.yaml')).routes,
      ),
    ).toEqual({
      'ratings.http-0': ['service ratings'],
      'ratings.http-1': ['service ratings'],
    });
    expect(
      upstreams(
        parseGatewayConfig(fixture('istio-httpbin-gateway.yaml')).routes,
      ),
    ).toEqual({ httpbin: ['service httpbin:8000'] });
  });
});
