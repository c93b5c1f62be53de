import { computeRouteDrift } from './drift';
import { parseGatewayConfig } from './parseGatewayConfig';

const kong = (route: string, plugins = '') =>
  parseGatewayConfig(`
_format_version: "3.0"
services:
- name: orders
  url: http://order-service:8080
  ${plugins}
  routes:
  - name: orders-public
${route}
`).routes[0];

describe('computeRouteDrift', () => {
  it('is empty when file and gateway agree', () => {
    const r = kong('    paths: [/v1/orders]\n    methods: [GET]');
    expect(computeRouteDrift(r, r)).toEqual([]);
  });

  it('lists each difference: paths, methods, hosts, plugins, auth and rate limit', () => {
    const declared = kong(
      '    paths: [/v1/orders]\n    methods: [GET]\n    hosts: [api.example.com]',
      'plugins: [{ name: jwt }]',
    );
    const live = kong(
      '    paths: [/v1/orders, /v2/orders]\n    methods: [GET, DELETE]',
      'plugins: [{ name: key-auth }, { name: rate-limiting, config: { minute: 5 } }]',
    );
    expect(computeRouteDrift(declared, live)).toEqual([
      {
        field: 'paths',
        declared: '/v1/orders',
        actual: '/v1/orders, /v2/orders',
        message: 'paths differ (only live: /v2/orders)',
      },
      {
        field: 'methods',
        declared: 'GET',
        actual: 'DELETE, GET',
        message: 'methods differ (only live: DELETE)',
      },
      {
        field: 'hosts',
        declared: 'api.example.com',
        actual: 'any',
        message: 'hosts differ (not live: api.example.com)',
      },
      {
        field: 'plugins',
        declared: 'jwt',
        actual: 'key-auth, rate-limiting',
        message:
          'plugins differ (not live: jwt; only live: key-auth, rate-limiting)',
      },
      {
        field: 'authentication',
        declared: 'jwt',
        actual: 'api-key',
        message: 'authentication is api-key live, declared jwt',
      },
      {
        field: 'rateLimit',
        declared: 'none',
        actual: '5/minute',
        message: 'rate limit is 5/minute live, declared none',
      },
    ]);
  });

  it('says when a declared route is not on the gateway', () => {
    expect(computeRouteDrift(kong('    paths: [/x]'), undefined)).toEqual([
      {
        field: 'route',
        declared: 'present',
        actual: 'absent',
        message: 'route orders-public is declared but not live on the gateway',
      },
    ]);
  });
});
