import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const fixtures = resolvePackagePath(
  '@interchange/plugin-interchange-node',
  'src/gateways/__fixtures__/kong-admin',
);

/**
 * A real HTTP server on 127.0.0.1 answering like a Kong Admin API with the
 * recorded responses in `gateways/__fixtures__/kong-admin` (two pages of
 * routes). `failSecondRoutesPage` makes the second page a 500, as a Kong
 * restarting mid-read would.
 */
export async function startKongAdminStub(
  options: { failSecondRoutesPage?: boolean; token?: string } = {},
) {
  const requests: string[] = [];
  const state = { failSecondRoutesPage: options.failSecondRoutesPage ?? false };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    requests.push(`${url.pathname}${url.search}`);
    if (options.token && req.headers['kong-admin-token'] !== options.token) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        '{"message":"Invalid credentials. Token or User credentials required"}',
      );
      return;
    }
    const send = (file: string) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(fs.readFileSync(path.join(fixtures, file)));
    };
    const p = url.pathname.replace(
      /^\/[^/]+(?=\/(services|routes|plugins)$)/,
      '',
    );
    const offset = url.searchParams.has('offset');
    if (p === '/services') {
      send('services.json');
    } else if (p === '/plugins') {
      send('plugins.json');
    } else if (p === '/routes' && !offset) {
      send('routes-page-1.json');
    } else if (p === '/routes' && !state.failSecondRoutesPage) {
      send('routes-page-2.json');
    } else if (p === '/routes') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"message":"An unexpected error occurred"}');
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"Not found"}');
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
