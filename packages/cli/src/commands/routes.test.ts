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
        '    upstream: http://example-api.com  auth: api-key',
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
});
