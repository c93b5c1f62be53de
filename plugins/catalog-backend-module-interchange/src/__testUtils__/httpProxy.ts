import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP server on port 0 in front of a real service, for
 * tests that break the path to it (`target`'s origin): `intercept` may answer a request itself
 * (or leave it hanging) and return true; other requests go to `target`.
 * `close` cuts every open connection and stops listening.
 */
export async function startHttpProxy(
  target: string,
  intercept?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean,
): Promise<{ url: string; close(): Promise<void> }> {
  // Its origin only: requests keep their own path and credentials.
  const origin = new URL(target).origin;
  const server = http.createServer((req, res) => {
    if (intercept?.(req, res)) {
      return;
    }
    const upstream = http.request(
      `${origin}${req.url}`,
      { method: req.method, headers: req.headers },
      up => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise(r => server.close(r));
    },
  };
}
