import { routesToCsv, toRouteRow } from './routeRows';

const route = (name: string, spec: Record<string, unknown>, annotations = {}) =>
  ({
    apiVersion: 'interchange.dev/v1alpha1',
    kind: 'GatewayRoute',
    metadata: { name, namespace: 'default', annotations },
    spec: { owner: 'team-a', gateway: 'kong', paths: ['/a'], ...spec },
  } as any);

describe('route rows', () => {
  it('exports CSV with quoting, flags unmatched upstreams and counts drift', () => {
    const rows = [
      toRouteRow(
        route('one', {
          paths: ['/v1/orders', '/v1/orders/{id}'],
          methods: ['GET', 'POST'],
          upstream: 'component:default/order-service',
          authentication: 'jwt',
          exposure: 'public',
        }),
      ),
      toRouteRow(
        route(
          'two',
          { upstreamUrl: 'http://legacy:8080' },
          {
            'interchange.dev/upstream-unmatched': 'true',
            'interchange.dev/route-drift': JSON.stringify([
              {
                field: 'methods',
                declared: 'GET',
                actual: 'GET, POST',
                message: 'x',
              },
            ]),
          },
        ),
      ),
    ];
    expect(routesToCsv(rows).split('\r\n')).toEqual([
      'gateway,hosts,paths,methods,upstream,owner,authentication,exposure,drift,id',
      'kong,any,"/v1/orders, /v1/orders/{id}","GET, POST",component:default/order-service,team-a,jwt,public,0,gatewayroute:default/one',
      'kong,any,/a,ANY,http://legacy:8080 (no component),team-a,none,,1,gatewayroute:default/two',
    ]);
  });
});
