import fs from 'node:fs';
import path from 'node:path';
import { createGatewayFormatRegistry } from './builtinFormats';
import { readZipBundle } from './bundleFiles';
import { BundleFile, NormalizedRoute } from './types';

/**
 * Real public Apigee bundles (see __fixtures__/SOURCES.md), read as the
 * CLI and the catalog read them: the files of the folder, or of the zip.
 */
const root = path.join(__dirname, '__fixtures__', 'apigee');

function folder(name: string): BundleFile[] {
  const out: BundleFile[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else
        out.push({
          path: path
            .relative(path.join(root, name), p)
            .split(path.sep)
            .join('/'),
          text: fs.readFileSync(p, 'utf8'),
        });
    }
  };
  walk(path.join(root, name));
  return out;
}

const registry = createGatewayFormatRegistry();
const summary = (r: NormalizedRoute) => ({
  name: r.name,
  methods: r.methods,
  paths: r.paths,
  pathMatch: r.pathMatch,
  upstreams: r.upstreams,
  authentication: r.authentication,
  rateLimit: r.rateLimit,
  conditions: r.conditions,
  parents: r.parents,
});

describe('Apigee API proxy bundles', () => {
  it('apikey (zip export): BasePath, virtual hosts, VerifyAPIKey and Quota in the PreFlow, URL target', () => {
    const files = readZipBundle(fs.readFileSync(path.join(root, 'apikey.zip')));
    // The macOS resource fork in the zip (__MACOSX/._CheckQuota.xml) is not read.
    expect(files.map(f => f.path)).toEqual([
      'apiproxy/ApiKeySample.xml',
      'apiproxy/policies/CheckQuota.xml',
      'apiproxy/policies/StripAPIKey.xml',
      'apiproxy/policies/ValidateAPIKey.xml',
      'apiproxy/proxies/default.xml',
      'apiproxy/targets/default.xml',
    ]);
    const result = registry.parseBundle(files);
    expect(result.formats).toEqual(['apigee']);
    expect(result.routes.map(summary)).toEqual([
      {
        name: 'ApiKeySample',
        methods: [],
        paths: ['/mocktarget_key'],
        pathMatch: ['prefix'],
        upstreams: [
          {
            kind: 'url',
            url: 'http://mocktarget.apigee.net/',
            host: 'mocktarget.apigee.net',
            name: 'default',
          },
        ],
        authentication: 'api-key',
        rateLimit: { requests: 5, period: 'minute' },
        conditions: [],
        parents: ['default', 'secure'],
      },
    ]);
    // The folder reads the same as its zip.
    expect(registry.parseBundle(folder('apikey')).routes).toEqual(
      result.routes,
    );
  });

  it('oauth: conditional flows (MatchesPath and verb) under the BasePath; a RouteRule without a target is answered by Apigee', () => {
    const result = registry.parseBundle(folder('oauth'));
    expect(
      result.routes.map(r => [
        r.name,
        r.methods,
        r.paths,
        r.pathMatch,
        r.upstreams,
      ]),
    ).toEqual([
      [
        'oauth.RefreshAccessToken',
        ['POST'],
        ['/oauth/client_credential/refresh_accesstoken'],
        ['exact'],
        [{ kind: 'mock' }],
      ],
      [
        'oauth.AccessTokenClientCredential',
        ['POST'],
        ['/oauth/client_credential/accesstoken'],
        ['exact'],
        [{ kind: 'mock' }],
      ],
      [
        'oauth',
        [],
        ['/oauth/client_credential'],
        ['prefix'],
        [{ kind: 'mock' }],
      ],
    ]);
    // Issuing tokens (OAuthV2 GenerateAccessToken) protects nothing.
    expect(result.routes.map(r => r.authentication)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('auth-schemes: VerifyAPIKey, OAuthV2 VerifyAccessToken, BasicAuthentication Decode per flow; steps naming no policy are reported', () => {
    const result = registry.parseBundle(folder('auth-schemes'));
    expect(
      result.routes.map(r => [
        r.name,
        r.methods.join(),
        r.paths[0],
        r.authentication,
      ]),
    ).toEqual([
      [
        'auth-schemes-v0.oauth-helper',
        'POST',
        '/auth-schemes/v0/helpers/oauth',
        undefined,
      ],
      [
        'auth-schemes-v0.jwt-helper',
        'POST',
        '/auth-schemes/v0/helpers/jwt',
        undefined,
      ],
      [
        'auth-schemes-v0.verify-api-key',
        'GET',
        '/auth-schemes/v0/api-key',
        'api-key',
      ],
      [
        'auth-schemes-v0.verify-oauth-token',
        'GET',
        '/auth-schemes/v0/oauth-token',
        'oauth2',
      ],
      ['auth-schemes-v0.verify-jwt', 'GET', '/auth-schemes/v0/jwt', undefined],
      [
        'auth-schemes-v0.verify-basic-auth',
        'GET',
        '/auth-schemes/v0/basic-auth',
        'basic',
      ],
      // The condition-less flow raises a fault: Apigee answers the rest itself.
      ['auth-schemes-v0', '', '/auth-schemes/v0', undefined],
    ]);
    expect(result.routes.every(r => r.upstreams[0].kind === 'mock')).toBe(true);
    expect(result.skipped.map(s => s.reason)).toEqual([
      "apiproxy/proxies/default.xml Flow jwt-helper: step 'AssignMessage.SetPrivateKey' names no enabled policy in apiproxy/policies/",
      "apiproxy/proxies/default.xml Flow verify-jwt: step 'JWT.Verify' names no enabled policy in apiproxy/policies/",
    ]);
  });

  it('southbound-mtls: load-balanced TargetServers, a conditional RouteRule kept as a condition', () => {
    const result = registry.parseBundle(folder('southbound-mtls'));
    expect(result.routes.map(summary)).toEqual([
      {
        name: 'badssl.route-withClientCert',
        methods: [],
        paths: ['/badssl/v0'],
        pathMatch: ['prefix'],
        upstreams: [
          {
            kind: 'service',
            host: 'badSSLWithClientCert',
            name: 'withClientCert',
          },
        ],
        authentication: undefined,
        rateLimit: undefined,
        conditions: [
          'route rule withClientCert: request.queryparam.auth = "true"',
        ],
        parents: ['secure'],
      },
      {
        name: 'badssl.route-withoutClientCert',
        methods: [],
        paths: ['/badssl/v0'],
        pathMatch: ['prefix'],
        upstreams: [
          {
            kind: 'service',
            host: 'badSSLWithoutClientCert',
            name: 'withoutClientCert',
          },
        ],
        authentication: undefined,
        rateLimit: undefined,
        conditions: [],
        parents: ['secure'],
      },
    ]);
  });

  it('identity-facade: flows with OAuthV2 verification and Basic client credentials', () => {
    const result = registry.parseBundle(folder('identity-facade'));
    expect(
      result.routes.map(r => [
        r.name,
        r.methods.join(),
        r.paths[0],
        r.authentication,
      ]),
    ).toEqual([
      [
        'identity-facade-v1.GET /authorize',
        'GET',
        '/v1/oauth20/authorize',
        'api-key',
      ],
      [
        'identity-facade-v1.GET /callback',
        'GET',
        '/v1/oauth20/callback',
        undefined,
      ],
      ['identity-facade-v1.POST /token', 'POST', '/v1/oauth20/token', 'basic'],
      [
        'identity-facade-v1.GET /protected',
        'GET',
        '/v1/oauth20/protected',
        'oauth2',
      ],
      ['identity-facade-v1', '', '/v1/oauth20', undefined],
    ]);
  });

  it('conditions: or/and combinations, wildcards, StartsWith, VerifyJWT and SpikeArrest, RouteRules decided by the flow', () => {
    const files: BundleFile[] = [
      { path: 'apiproxy/orders.xml', text: '<APIProxy name="orders"/>' },
      {
        path: 'apiproxy/proxies/default.xml',
        text: `<ProxyEndpoint name="default">
  <PreFlow><Request><Step><Name>JWT-Verify</Name></Step><Step><Name>SA</Name></Step></Request></PreFlow>
  <Flows>
    <Flow name="get-order">
      <Condition>(proxy.pathsuffix MatchesPath "/orders/*") and (request.verb = "GET" or request.verb = "HEAD")</Condition>
    </Flow>
    <Flow name="files"><Condition>proxy.pathsuffix MatchesPath "/files/**" &amp;&amp; request.verb == "GET"</Condition></Flow>
    <Flow name="admin"><Condition>proxy.pathsuffix StartsWith "/admin" and request.header.x-debug = "1"</Condition></Flow>
  </Flows>
  <HTTPProxyConnection><BasePath>/orders/v1</BasePath></HTTPProxyConnection>
  <RouteRule name="admin"><Condition>proxy.pathsuffix StartsWith "/admin"</Condition><TargetEndpoint>admin</TargetEndpoint></RouteRule>
  <RouteRule name="gets"><Condition>request.verb = "GET"</Condition><URL>https://read.internal/v1</URL></RouteRule>
  <RouteRule name="default"><TargetEndpoint>default</TargetEndpoint></RouteRule>
</ProxyEndpoint>`,
      },
      {
        path: 'apiproxy/targets/default.xml',
        text: '<TargetEndpoint name="default"><HTTPTargetConnection><LoadBalancer><Server name="orders-a"/><Server name="orders-b"><Weight>2</Weight></Server></LoadBalancer><Path>/v1</Path></HTTPTargetConnection></TargetEndpoint>',
      },
      {
        path: 'apiproxy/targets/admin.xml',
        text: '<TargetEndpoint name="admin"><HTTPTargetConnection><URL>https://admin.internal:8443/</URL></HTTPTargetConnection></TargetEndpoint>',
      },
      {
        path: 'apiproxy/policies/JWT-Verify.xml',
        text: '<VerifyJWT name="JWT-Verify"><Algorithm>RS256</Algorithm></VerifyJWT>',
      },
      {
        path: 'apiproxy/policies/SA.xml',
        text: '<SpikeArrest name="SA"><Rate>30ps</Rate></SpikeArrest>',
      },
    ];
    const routes = registry.parseBundle(files).routes;
    expect(
      routes.map(r => ({
        name: r.name,
        methods: r.methods,
        paths: r.paths,
        pathMatch: r.pathMatch,
        upstreams: r.upstreams.map(u => u.url ?? u.host),
        conditions: r.conditions,
      })),
    ).toEqual([
      {
        name: 'orders.get-order-1',
        methods: ['GET'],
        paths: ['~/orders/v1/orders/[^/]+$'],
        pathMatch: ['regex'],
        upstreams: ['https://read.internal/v1'],
        conditions: [],
      },
      {
        name: 'orders.get-order-2',
        methods: ['HEAD'],
        paths: ['~/orders/v1/orders/[^/]+$'],
        pathMatch: ['regex'],
        upstreams: ['orders-a', 'orders-b'],
        conditions: [],
      },
      {
        name: 'orders.files',
        methods: ['GET'],
        paths: ['/orders/v1/files/'],
        pathMatch: ['prefix'],
        upstreams: ['https://read.internal/v1'],
        conditions: [],
      },
      {
        name: 'orders.admin',
        methods: [],
        paths: ['/orders/v1/admin'],
        pathMatch: ['prefix'],
        upstreams: ['https://admin.internal:8443/'],
        conditions: ['request.header.x-debug = "1"'],
      },
      {
        name: 'orders.route-admin',
        methods: [],
        paths: ['/orders/v1'],
        pathMatch: ['prefix'],
        upstreams: ['https://admin.internal:8443/'],
        conditions: ['route rule admin: proxy.pathsuffix =| "/admin"'],
      },
      {
        name: 'orders.route-gets',
        methods: [],
        paths: ['/orders/v1'],
        pathMatch: ['prefix'],
        upstreams: ['https://read.internal/v1'],
        conditions: ['route rule gets: request.verb = "GET"'],
      },
      {
        name: 'orders.route-default',
        methods: [],
        paths: ['/orders/v1'],
        pathMatch: ['prefix'],
        upstreams: ['orders-a', 'orders-b'],
        conditions: [],
      },
    ]);
    expect(routes[0].authentication).toBe('jwt');
    expect(routes[0].rateLimit).toEqual({ requests: 30, period: 'second' });
    expect(routes[1].upstreams[1]).toEqual({
      kind: 'service',
      host: 'orders-b',
      weight: 2,
      name: 'default',
    });
  });

  it('refuses a DOCTYPE or ENTITY before parsing, and names the file', () => {
    const files: BundleFile[] = [
      {
        path: 'apiproxy/proxies/default.xml',
        text: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><ProxyEndpoint name="default">&b;</ProxyEndpoint>',
      },
    ];
    expect(() => registry.parseBundle(files)).toThrow(
      /^Apigee API proxy bundle: apiproxy\/proxies\/default.xml: declares a DOCTYPE or ENTITY/,
    );
    const external: BundleFile[] = [
      {
        path: 'apiproxy/proxies/default.xml',
        text: '<!DOCTYPE p SYSTEM "file:///etc/passwd"><ProxyEndpoint name="default"/>',
      },
    ];
    expect(() => registry.parseBundle(external)).toThrow(/DOCTYPE or ENTITY/);
  });

  it('bad XML, deep nesting and a folder that is no bundle get clear errors', () => {
    expect(() =>
      registry.parseBundle([
        {
          path: 'apiproxy/proxies/default.xml',
          text: '<ProxyEndpoint name="a"><Flows></ProxyEndpoint>',
        },
      ]),
    ).toThrow(
      /apiproxy\/proxies\/default.xml: not well-formed XML: .*\(line 1\)/,
    );
    const deep = `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`;
    expect(() =>
      registry.parseBundle([
        {
          path: 'apiproxy/proxies/default.xml',
          text: `<ProxyEndpoint name="x">${deep}</ProxyEndpoint>`,
        },
      ]),
    ).toThrow(/apiproxy\/proxies\/default.xml/);
    expect(() =>
      registry.parseBundle([
        { path: 'sharedflowbundle/x.xml', text: '<SharedFlowBundle/>' },
      ]),
    ).toThrow(
      /not a configuration bundle Interchange reads \(Apigee API proxy bundle\)/,
    );
  });
});
