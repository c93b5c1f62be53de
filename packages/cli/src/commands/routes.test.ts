import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGatewayFormatRegistry } from '@interchange/plugin-interchange-common';
import { routesCommand } from './routes';

const fixtures = path.resolve(
  __dirname,
  '../../../../plugins/interchange-common/src/gateways/__fixtures__',
);

async function run(patterns: string[], json = false) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await routesCommand(
    patterns,
    { json },
    { log: l => out.push(l), error: l => err.push(l) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('interchange routes', () => {
  it('prints each route with methods, paths, hosts, upstream, auth and source, and what was skipped', async () => {
    const { code, out } = await run([
      path.join(fixtures, 'deck-service-route-key-auth.yaml'),
      path.join(fixtures, 'gateway-api-basic-tcp.yaml'),
    ]);
    expect(code).toBe(0);
    expect(out).toContain(
      [
        '  route example-route',
        '    GET,POST /v1/example  hosts: example.com',
        '    upstream: example-service -> http://example-api.com  auth: api-key',
        '    only when: header x-my-header in [foo, bar]; header x-another-header in [bla]',
        '    source: document 1, services[0].routes[0]',
      ].join('\n'),
    );
    expect(out).toContain(
      '  skipped TCPRoute tcp-app-1 (document 2): TCP route: GatewayRoute models HTTP routes only',
    );
    expect(out).toMatch(/2 files: 1 route, 3 skipped$/);
  });

  it('gives JSON with --json', async () => {
    const { out } = await run(
      [path.join(fixtures, 'istio-bookinfo-gateway.yaml')],
      true,
    );
    const parsed = JSON.parse(out);
    expect(parsed.files[0].routes[0]).toMatchObject({
      name: 'bookinfo',
      parents: ['bookinfo-gateway'],
      upstreams: [{ kind: 'service', host: 'productpage', port: 9080 }],
    });
  });

  it('reports unreadable files and unmatched patterns', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-routes-'));
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'services: [\n');
    const broken = await run([path.join(dir, 'broken.yaml')]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('  error: cannot parse: document 1:');
    const none = await run([path.join(dir, 'nothing-*.yaml')]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('interchange routes: no files match');
  });

  it('reads files with the registry it is given, the one the catalog pipeline uses', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-routes-'));
    try {
      const file = path.join(dir, 'edge.yaml');
      fs.writeFileSync(
        file,
        'kind: EdgeProxy\nroutes: [{ name: r, to: http://s:80 }]',
      );
      const formats = createGatewayFormatRegistry();
      formats.add({
        id: 'edge-proxy',
        title: 'EdgeProxy manifest',
        detect: d => d.kind === 'EdgeProxy',
        parse: (d, document) => ({
          routes: d.routes.map((r: { name: string; to: string }) => ({
            format: 'edge-proxy',
            name: r.name,
            hosts: [],
            paths: ['/'],
            pathMatch: ['prefix'],
            methods: [],
            upstreams: [{ kind: 'url', url: r.to, host: 's' }],
            plugins: [],
            parents: [],
            conditions: [],
            source: { document, location: 'routes[0]' },
          })),
          skipped: [],
        }),
      });
      const out: string[] = [];
      const code = await routesCommand(
        [file],
        { json: true, formats },
        { log: l => out.push(l), error: () => undefined },
      );
      expect(code).toBe(0);
      const { files } = JSON.parse(out.join('\n'));
      expect(files[0].formats).toEqual(['edge-proxy']);
      expect(files[0].routes[0].upstreams[0].url).toBe('http://s:80');
      // Without it, the built-in formats: Kong's detection takes the file.
      expect((await run([file], true)).out).toContain('"kong"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('Apigee bundles and files from the wild', () => {
    const apigee = path.join(fixtures, 'apigee');

    it('previews a bundle folder (holding apiproxy/, or apiproxy/ itself) and its zip export alike', async () => {
      const holding = await run([path.join(apigee, 'apikey')]);
      const itself = await run([path.join(apigee, 'apikey', 'apiproxy')]);
      const zip = await run([path.join(apigee, 'apikey.zip')]);
      const body = [
        '  route ApiKeySample',
        '    ANY /mocktarget_key  hosts: any',
        '    upstream: default -> http://mocktarget.apigee.net/  auth: api-key  rate limit: 5/minute',
        '    attached to: default, secure',
        '    source: document 1, apiproxy/proxies/default.xml ProxyEndpoint default',
      ].join('\n');
      for (const r of [holding, itself, zip]) {
        expect(r.code).toBe(0);
        expect(r.out).toContain(`(apigee)\n${body}`);
        expect(r.out).toMatch(/1 file: 1 route, 0 skipped$/);
      }
    });

    it('--json for a bundle has the same shape as for other formats', async () => {
      const { code, out } = await run(
        [path.join(apigee, 'southbound-mtls')],
        true,
      );
      expect(code).toBe(0);
      const parsed = JSON.parse(out);
      expect(parsed.files).toHaveLength(1);
      expect(parsed.files[0]).toMatchObject({
        file: path.join(apigee, 'southbound-mtls'),
        formats: ['apigee'],
        skipped: [],
      });
      expect(
        parsed.files[0].routes.map((r: any) => r.upstreams[0].host),
      ).toEqual(['badSSLWithClientCert', 'badSSLWithoutClientCert']);
    });

    it('a folder of files finds the bundles in it and its YAML, not the YAML inside bundles', async () => {
      const { out } = await run([apigee]);
      expect(out.split('\n').filter(l => /^\S/.test(l))).toEqual([
        `${path.join(apigee, 'apikey')} (apigee)`,
        `${path.join(apigee, 'auth-schemes')} (apigee)`,
        `${path.join(apigee, 'identity-facade')} (apigee)`,
        `${path.join(apigee, 'oauth')} (apigee)`,
        `${path.join(apigee, 'southbound-mtls')} (apigee)`,
        '5 files: 18 routes, 3 skipped',
      ]);
    });

    it('each failure class prints every route with its real upstream, never [object Object] or undefined', async () => {
      const { code, out } = await run([
        path.join(fixtures, 'deck-kong2kic-route-input.yaml'),
        path.join(fixtures, 'sam-api-with-cors-openapi-3.yaml'),
        path.join(fixtures, 'aws-vpc-link-export.json'),
        path.join(fixtures, 'aws-any-method-proxy.json'),
      ]);
      expect(code).toBe(0);
      expect(out).not.toMatch(/\[object Object\]|undefined/);
      expect(out).toContain(
        '  route top-route\n    ANY /tr1  hosts: any\n    upstream: simple-service -> simple-service:8080  auth: none',
      );
      expect(out).toContain(
        '  route ExplicitApi POST /add\n    POST /add  hosts: any\n    upstream: lambda RestApiFunction  auth: none',
      );
      expect(out).toContain(
        '    upstream: http://my-vpclink-test-nlb-1234567890abcdef.us-east-2.amazonaws.com (via VPC link ${stageVariables.vpcLinkId})  auth: none',
      );
      expect(out).toContain(
        '    ANY /{proxy+}  hosts: any\n    upstream: lambda TestSimpleProxy',
      );
    });

    it('bad input: binary junk and oversized files get a clear error', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-routes-'));
      try {
        fs.writeFileSync(
          path.join(dir, 'junk.yaml'),
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
        );
        fs.writeFileSync(
          path.join(dir, 'big.yaml'),
          Buffer.alloc(10 * 1024 * 1024, 0x61),
        );
        fs.writeFileSync(path.join(dir, 'fake.zip'), 'hello');
        const r = await run([
          path.join(dir, 'junk.yaml'),
          path.join(dir, 'big.yaml'),
          path.join(dir, 'fake.zip'),
        ]);
        expect(r.code).toBe(1);
        expect(r.out).toContain(
          `  error: cannot parse: ${path.join(
            dir,
            'big.yaml',
          )} is 10.0 MB; configuration files are read up to 8.0 MB (interchange.inputLimits.maxFileBytes): split it into several files`,
        );
        expect(r.out).toContain('holds binary data (a NUL byte at offset 4)');
        expect(r.out).toContain(
          '  error: cannot parse: not a zip archive (an Apigee bundle export starts with PK)',
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
