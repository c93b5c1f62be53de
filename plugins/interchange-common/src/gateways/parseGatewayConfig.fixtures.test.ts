import fs from 'node:fs';
import path from 'node:path';
import { parseGatewayConfig } from './parseGatewayConfig';

/**
 * Real public configuration files (see __fixtures__/SOURCES.md), parsed into
 * the normalised route model. Each expectation was checked by hand against
 * the file.
 */
const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

describe('parseGatewayConfig on real public files', () => {
  it('aws-any-method-proxy.json', () => {
    expect(parseGatewayConfig(fixture('aws-any-method-proxy.json'))).toEqual({
      routes: [
        {
          format: 'aws-api-gateway',
          name: 'TestSimpleProxy ANY /{proxy+}',
          hosts: [],
          // A greedy path stays as written: `/` would read as an ordinary prefix.
          paths: ['/{proxy+}'],
          pathMatch: ['template'],
          methods: [],
          upstreams: [
            {
              kind: 'lambda',
              host: 'TestSimpleProxy',
              url: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:TestSimpleProxy/invocations',
            },
          ],
          plugins: [],
          parents: [],
          conditions: [],
          source: {
            document: 0,
            location: 'paths["/{proxy+}"].x-amazon-apigateway-any-method',
          },
        },
      ],
      skipped: [],
      formats: ['aws-api-gateway'],
    });
  });

  it('aws-lambdagate-export.json', () => {
    expect(parseGatewayConfig(fixture('aws-lambdagate-export.json'))).toEqual({
      routes: [
        {
          format: 'aws-api-gateway',
          name: 'LambdaGate GET /calc',
          hosts: ['uojnr9hd57.execute-api.us-east-1.amazonaws.com'],
          paths: ['/test/calc'],
          pathMatch: ['exact'],
          methods: ['GET'],
          upstreams: [
            {
              kind: 'lambda',
              host: 'Calc',
              url: 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:Calc/invocations',
            },
          ],
          plugins: [],
          parents: [],
          conditions: [],
          source: {
            document: 0,
            location: 'paths["/calc"].get',
          },
        },
        {
          format: 'aws-api-gateway',
          name: 'LambdaGate POST /calc',
          hosts: ['uojnr9hd57.execute-api.us-east-1.amazonaws.com'],
          paths: ['/test/calc'],
          pathMatch: ['exact'],
          methods: ['POST'],
          upstreams: [
            {
              kind: 'lambda',
              host: 'Calc',
              url: 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:Calc/invocations',
            },
          ],
          plugins: [],
          parents: [],
          conditions: [],
          source: {
            document: 0,
            location: 'paths["/calc"].post',
          },
        },
        {
          format: 'aws-api-gateway',
          name: 'LambdaGate GET /calc/{operand1}/{operand2}/{operator}',
          hosts: ['uojnr9hd57.execute-api.us-east-1.amazonaws.com'],
          paths: ['/test/calc/{operand1}/{operand2}/{operator}'],
          pathMatch: ['template'],
          methods: ['GET'],
          upstreams: [
            {
              kind: 'lambda',
              host: 'Calc',
              url: 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:Calc/invocations',
            },
          ],
          plugins: [],
          parents: [],
          conditions: [],
          source: {
            document: 0,
            location: 'paths["/calc/{operand1}/{operand2}/{operator}"].get',
          },
        },
      ],
      skipped: [],
      formats: ['aws-api-gateway'],
    });
  });

  it('deck-create-plugin.yaml', () => {
    expect(parseGatewayConfig(fixture('deck-create-plugin.yaml'))).toEqual({
      routes: [
        {
          format: 'kong',
          name: 'r1',
          hosts: [],
          paths: ['/r1'],
          pathMatch: ['prefix'],
          methods: [],
          upstreams: [
            {
              kind: 'url',
              url: 'https://mockbin.org:8080',
              host: 'mockbin.org',
              port: 8080,
              name: 'svc1',
            },
          ],
          rateLimit: {
            requests: 10,
            period: 'hour',
          },
          plugins: ['rate-limiting'],
          parents: [],
          conditions: [],
          source: {
            document: 0,
            location: 'services[0].routes[0]',
          },
        },
      ],
      skipped: [],
      formats: ['kong'],
    });
  });

  it('deck-service-route-key-auth.yaml', () => {
    expect(
      parseGatewayConfig(fixture('deck-service-route-key-auth.yaml')),
    ).toEqual({
      routes: [
        {
          format: 'kong',
          name: 'example-route',
          hosts: ['example.com'],
          paths: ['/v1/example'],
          pathMatch: ['prefix'],
          methods: ['GET', 'POST'],
          upstreams: [
            {
              kind: 'url',
              url: 'http://example-api.com',
              host: 'example-api.com',
              name: 'example-service',
            },
          ],
          authentication: 'api-key',
          plugins: ['key-auth'],
          parents: [],
          conditions: [
            'header x-my-header in [foo, bar]',
            'header x-another-header in [bla]',
          ],
          source: {
            document: 0,
            location: 'services[0].routes[0]',
          },
        },
      ],
      skipped: [],
      formats: ['kong'],
    });
  });

  it('gateway-api-basic-tcp.yaml', () => {
    expect(parseGatewayConfig(fixture('gateway-api-basic-tcp.yaml'))).toEqual({
      routes: [],
      skipped: [
        {
          document: 0,
          kind: 'Gateway',
          name: 'my-tcp-gateway',
          reason:
            'Gateway is not a route (GatewayRoute entities come from HTTPRoutes)',
        },
        {
          document: 1,
          kind: 'TCPRoute',
          name: 'tcp-app-1',
          reason: 'TCP route: GatewayRoute models HTTP routes only',
        },
        {
          document: 2,
          kind: 'TCPRoute',
          name: 'tcp-app-2',
          reason: 'TCP route: GatewayRoute models HTTP routes only',
        },
      ],
      formats: ['gateway-api'],
    });
  });

  it('gateway-api-http-routing.yaml', () => {
    expect(
      parseGatewayConfig(fixture('gateway-api-http-routing.yaml')),
    ).toEqual({
      routes: [
        {
          format: 'gateway-api',
          name: 'foo-route',
          hosts: ['foo.example.com'],
          paths: ['/login'],
          pathMatch: ['prefix'],
          methods: [],
          upstreams: [
            {
              kind: 'service',
              host: 'foo-svc',
              port: 8080,
            },
          ],
          plugins: [],
          parents: ['example-gateway'],
          conditions: [],
          source: {
            document: 0,
            location: 'HTTPRoute foo-route rules[0]',
          },
        },
        {
          format: 'gateway-api',
          name: 'bar-route.rule-0',
          hosts: ['bar.example.com'],
          paths: ['/'],
          pathMatch: ['prefix'],
          methods: [],
          upstreams: [
            {
              kind: 'service',
              host: 'bar-svc-canary',
              port: 8080,
            },
          ],
          plugins: [],
          parents: ['example-gateway'],
          conditions: ['header env = canary'],
          source: {
            document: 1,
            location: 'HTTPRoute bar-route rules[0]',
          },
        },
        {
          format: 'gateway-api',
          name: 'bar-route.rule-1',
          hosts: ['bar.example.com'],
          paths: ['/'],
          pathMatch: ['prefix'],
          methods: [],
          upstreams: [
            {
              kind: 'service',
              host: 'bar-svc',
              port: 8080,
            },
          ],
          plugins: [],
          parents: ['example-gateway'],
          conditions: [],
          source: {
            document: 1,
            location: 'HTTPRoute bar-route rules[1]',
          },
        },
      ],
      skipped: [],
      formats: ['gateway-api'],
    });
  });

  it('gateway-api-traffic-split-2.yaml', () => {
    expect(
      parseGatewayConfig(fixture('gateway-api-traffic-split-2.yaml')),
    ).toEqual({
      routes: [
        {
          format: 'gateway-api',
          name: 'foo-route',
          hosts: ['foo.example.com'],
          paths: ['/'],
          pathMatch: ['prefix'],
          methods: [],
          upstreams: [
            {
              kind: 'service',
              host: 'foo-v1',
              port: 8080,
              weight: 90,
            },
            {
              kind: 'service',
              host: 'foo-v2',
              port: 8080,
              weight: 10,
            },
          ],
          plugins: [],
          parents: [],
          conditions: [],
          source: {
            document: 0,
            location: 'HTTPRoute foo-route rules[0]',
          },
        },
      ],
      skipped: [],
      formats: ['gateway-api'],
    });
  });

  it('istio-bookinfo-gateway.yaml', () => {
    expect(parseGatewayConfig(fixture('istio-bookinfo-gateway.yaml'))).toEqual({
      routes: [
        {
          format: 'istio',
          name: 'bookinfo',
          hosts: ['*'],
          paths: [
            '/productpage',
            '/static',
            '/login',
            '/logout',
            '/api/v1/products',
          ],
          pathMatch: ['exact', 'prefix', 'exact', 'exact', 'prefix'],
          methods: [],
          upstreams: [
            {
              kind: 'service',
              host: 'productpage',
              port: 9080,
            },
          ],
          plugins: [],
          parents: ['bookinfo-gateway'],
          conditions: [],
          source: {
            document: 1,
            location: 'VirtualService bookinfo http[0]',
          },
        },
      ],
      skipped: [
        {
          document: 0,
          kind: 'Gateway',
          name: 'bookinfo-gateway',
          reason:
            'Gateway is not a route (GatewayRoute entities come from VirtualService http routes)',
        },
      ],
      formats: ['istio'],
    });
  });

  it('istio-virtual-service-reviews-test-v2.yaml', () => {
    expect(
      parseGatewayConfig(fixture('istio-virtual-service-reviews-test-v2.yaml')),
    ).toEqual({
      routes: [
        {
          format: 'istio',
          name: 'reviews.http-0',
          hosts: ['reviews'],
          paths: ['/'],
          pathMatch: ['prefix'],
          methods: [],
          upstreams: [
            {
              kind: 'service',
              host: 'reviews',
              subset: 'v2',
            },
          ],
          plugins: [],
          parents: ['mesh'],
          conditions: ['header end-user = jason'],
          source: {
            document: 0,
            location: 'VirtualService reviews http[0]',
          },
        },
        {
          format: 'istio',
          name: 'reviews.http-1',
          hosts: ['reviews'],
          paths: ['/'],
          pathMatch: ['prefix'],
          methods: [],
          upstreams: [
            {
              kind: 'service',
              host: 'reviews',
              subset: 'v1',
            },
          ],
          plugins: [],
          parents: ['mesh'],
          conditions: [],
          source: {
            document: 0,
            location: 'VirtualService reviews http[1]',
          },
        },
      ],
      skipped: [],
      formats: ['istio'],
    });
  });
});
