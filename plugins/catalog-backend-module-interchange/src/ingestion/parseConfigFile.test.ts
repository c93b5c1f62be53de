import {
  createGatewayFormatRegistry,
  GatewayFormatRegistry,
} from '@interchange/plugin-interchange-common';
import { noKnownFormatMessage, parseConfigFile } from './parseConfigFile';

describe('parseConfigFile', () => {
  const registry = createGatewayFormatRegistry();

  it('reads a file through the registry', () => {
    const parsed = parseConfigFile(
      {
        name: 'kong.yml',
        text: 'services:\n- name: s\n  url: http://s:80\n  routes: [{ name: r, paths: [/r] }]',
      },
      registry,
    );
    expect(parsed.formats).toEqual(['kong']);
    expect(parsed.routes.map(r => r.name)).toEqual(['r']);
  });

  it('names the file when the text is not YAML or JSON, and when a format fails', () => {
    expect(() =>
      parseConfigFile({ name: 'bad.yml', text: 'a: [1' }, registry),
    ).toThrow(/^bad\.yml is not valid YAML or JSON: document 1: /);
    const failing = new GatewayFormatRegistry([
      {
        id: 'broken',
        title: 'Broken format',
        detect: () => true,
        parse: () => {
          throw new Error('no routes list');
        },
      },
    ]);
    expect(() =>
      parseConfigFile({ name: 'x.yml', text: 'a: 1' }, failing),
    ).toThrow('x.yml: document 1 (Broken format): no routes list');
  });

  it('lists the formats read when a file holds none of them', () => {
    expect(noKnownFormatMessage('notes.yml', registry)).toBe(
      'notes.yml holds no gateway configuration Interchange reads (Kong declarative config, Gateway API, Istio, AWS API Gateway export, Apigee API proxy bundle)',
    );
  });

  it('reads a bundle through the registry, naming the bundle when it fails', () => {
    const parsed = parseConfigFile(
      {
        name: 'apigee/orders',
        text: '',
        bundle: [
          {
            path: 'apiproxy/proxies/default.xml',
            text: '<ProxyEndpoint name="default"><HTTPProxyConnection><BasePath>/orders</BasePath></HTTPProxyConnection><RouteRule name="r"><URL>https://orders.internal/</URL></RouteRule></ProxyEndpoint>',
          },
        ],
      },
      registry,
    );
    expect(parsed.formats).toEqual(['apigee']);
    expect(parsed.routes.map(r => [r.paths, r.upstreams[0].host])).toEqual([
      [['/orders'], 'orders.internal'],
    ]);
    expect(() =>
      parseConfigFile(
        {
          name: 'apigee/broken',
          text: '',
          bundle: [{ path: 'README.md', text: '#' }],
        },
        registry,
      ),
    ).toThrow(/^apigee\/broken: not a configuration bundle Interchange reads/);
  });
});
