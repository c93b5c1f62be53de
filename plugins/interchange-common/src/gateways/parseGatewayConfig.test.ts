import { parseGatewayConfig } from './parseGatewayConfig';

describe('parseGatewayConfig', () => {
  it('Kong: top-level routes, plugin precedence route > service > global, regex paths, stream routes', () => {
    const result = parseGatewayConfig(`
_format_version: "3.0"
services:
- name: orders
  url: http://order-service.orders.svc:8080/api
  plugins:
  - name: jwt
  - name: rate-limiting
    config: { minute: 100, policy: local }
- name: tcp-echo
  url: tcp://echo:7
- name: unused
  host: nowhere
routes:
- name: orders-by-id
  service: orders
  paths: ['~/orders/\\d+$']
  methods: [get]
  plugins:
  - name: key-auth
  - name: cors
- name: echo
  service: { name: tcp-echo }
  protocols: [tcp]
- name: orphan
  service: payments
  paths: [/pay]
plugins:
- name: rate-limiting
  route: orders-by-id
  config: { second: 5 }
- name: prometheus
`);
    expect(result.routes).toEqual([
      {
        format: 'kong',
        name: 'orders-by-id',
        hosts: [],
        paths: ['~/orders/\\d+$'],
        pathMatch: ['regex'],
        methods: ['GET'],
        upstreams: [
          {
            kind: 'url',
            url: 'http://order-service.orders.svc:8080/api',
            host: 'order-service.orders.svc',
            port: 8080,
            name: 'orders',
          },
        ],
        authentication: 'api-key',
        rateLimit: { requests: 5, period: 'second' },
        plugins: ['cors', 'jwt', 'key-auth', 'prometheus', 'rate-limiting'],
        parents: [],
        conditions: [],
        source: { document: 0, location: 'routes[0]' },
      },
    ]);
    expect(result.skipped).toEqual([
      {
        document: 0,
        kind: 'service',
        name: 'unused',
        reason:
          'services[2]: service without routes: nothing is exposed through the gateway',
      },
      {
        document: 0,
        kind: 'route',
        name: 'echo',
        reason:
          'routes[1]: stream route (tcp): GatewayRoute models HTTP routes only',
      },
      {
        document: 0,
        kind: 'route',
        name: 'orphan',
        reason:
          "routes[2]: refers to service 'payments', which is not in this file",
      },
    ]);
  });

  it('Gateway API: methods, exact and regex paths, rule names, cross-namespace parents', () => {
    const { routes } = parseGatewayConfig(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: orders, namespace: shop }
spec:
  parentRefs: [{ name: public, namespace: infra, sectionName: https }]
  rules:
  - name: read
    matches:
    - path: { type: Exact, value: /orders }
      method: GET
    - path: { type: RegularExpression, value: '/orders/[0-9]+' }
      method: GET
    backendRefs: [{ name: order-service, port: 8080 }]
`);
    expect(routes).toEqual([
      expect.objectContaining({
        name: 'orders.read',
        paths: ['/orders', '~/orders/[0-9]+'],
        pathMatch: ['exact', 'regex'],
        methods: ['GET'],
        parents: ['infra/public#https'],
        upstreams: [
          {
            kind: 'service',
            host: 'order-service',
            namespace: 'shop',
            port: 8080,
            weight: undefined,
          },
        ],
      }),
    ]);
  });

  it('reports documents it does not know, and fails clearly on broken YAML', () => {
    expect(
      parseGatewayConfig('apiVersion: v1\nkind: Service\nmetadata: {name: x}\n')
        .skipped,
    ).toEqual([
      {
        document: 0,
        kind: 'Service',
        name: 'x',
        reason:
          'not a gateway configuration this parser knows (Kong declarative config, Gateway API, Istio, AWS API Gateway export)',
      },
    ]);
    expect(() => parseGatewayConfig('services: [\n')).toThrow(/^document 1: /);
  });
});
