import { validateInterchangeEntity } from '../validation';
import { parseGatewayConfig } from './parseGatewayConfig';
import { routeEntityName, routeToEntity } from './routeEntities';

const components = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'order-service',
      namespace: 'default',
      annotations: {
        'interchange.dev/upstream-hosts':
          'orders.internal,*.orders.svc.cluster.local',
      },
    },
    spec: {
      owner: 'group:default/team-orders',
      system: 'commerce',
      providesApis: ['orders-api'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'productpage', namespace: 'default' },
    spec: { owner: 'group:default/team-books' },
  },
];

const options = {
  gateway: 'edge',
  components,
  defaultOwner: 'group:default/team-platform',
  source: 'file:/gw/kong.yml',
  location: 'url:file:///gw/kong.yml',
};

describe('routeToEntity', () => {
  it('maps by the upstream-hosts annotation first, taking owner, system and the one API', () => {
    const { routes } = parseGatewayConfig(`
_format_version: "3.0"
services:
- name: orders
  url: http://api.orders.svc.cluster.local:8080
  routes:
  - name: orders-public
    paths: [/v1/orders]
    methods: [GET]
    plugins: [{ name: jwt }]
`);
    const entity = routeToEntity(routes[0], options)!;
    expect(entity).toEqual({
      apiVersion: 'interchange.dev/v1alpha1',
      kind: 'GatewayRoute',
      metadata: {
        name: 'edge.orders-public',
        title: 'orders-public',
        tags: ['ingested', 'kong'],
        annotations: {
          'backstage.io/managed-by-location': 'url:file:///gw/kong.yml',
          'backstage.io/managed-by-origin-location': 'url:file:///gw/kong.yml',
          'interchange.dev/route-source': 'file:/gw/kong.yml',
          'interchange.dev/route-location': 'services[0].routes[0]',
        },
      },
      spec: {
        owner: 'group:default/team-orders',
        system: 'commerce',
        gateway: 'edge',
        paths: ['/v1/orders'],
        methods: ['GET'],
        upstream: 'component:default/order-service',
        upstreamUrl: 'http://api.orders.svc.cluster.local:8080',
        api: 'orders-api',
        authentication: 'jwt',
      },
    });
    expect(validateInterchangeEntity(entity)).toEqual([]);
  });

  it('falls back to name matching, then to the default owner with the route flagged', () => {
    const bookinfo = parseGatewayConfig(`
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata: { name: bookinfo }
spec:
  hosts: ['*']
  http:
  - route: [{ destination: { host: productpage, port: { number: 9080 } } }]
  - route: [{ destination: { host: ratings.prod.svc.cluster.local } }]
`).routes;
    const matched = routeToEntity(bookinfo[0], options)!;
    expect(matched.spec.upstream).toBe('component:default/productpage');
    expect(matched.spec.owner).toBe('group:default/team-books');
    const unmatched = routeToEntity(bookinfo[1], options)!;
    expect(unmatched.spec).toMatchObject({
      owner: 'group:default/team-platform',
      upstreamUrl: 'http://ratings.prod.svc.cluster.local',
    });
    expect(unmatched.spec.upstream).toBeUndefined();
    expect(
      unmatched.metadata.annotations!['interchange.dev/upstream-unmatched'],
    ).toBe('true');
    expect(validateInterchangeEntity(unmatched)).toEqual([]);
  });

  it('makes valid, unique entity names from any route name', () => {
    expect(
      routeEntityName('aws-partner', 'LambdaGate GET /calc/{operand1}'),
    ).toBe('aws-partner.lambdagate-get-calc-operand1');
    const long = routeEntityName('kong', 'x'.repeat(100));
    expect(long).toHaveLength(63);
    expect(long).not.toBe(routeEntityName('kong', `${'x'.repeat(99)}y`));
  });
});
