import http from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { readPlainBody } from './readPlainBody';

type Outcome = { read: boolean; body?: unknown; error?: any };

/** A server that reports what readPlainBody did with each request. */
async function withServer(
  limit: number,
  run: (port: number, outcomes: Promise<Outcome>[]) => Promise<void>,
) {
  const outcomes: Promise<Outcome>[] = [];
  const server = http.createServer((req, res) => {
    outcomes.push(
      new Promise(resolve => {
        const read = readPlainBody(req as any, limit, error => {
          resolve({ read: true, body: (req as any).body, error });
          res.end();
        });
        if (!read) {
          req.resume();
          resolve({ read: false });
          res.end();
        }
      }),
    );
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  try {
    await run((server.address() as AddressInfo).port, outcomes);
  } finally {
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  }
}

function post(
  port: number,
  headers: Record<string, string>,
  chunks: string[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/', headers },
      res => {
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', reject);
    // A pause between writes, so the server gets them as separate chunks.
    (async () => {
      for (const c of chunks) {
        req.write(c);
        await new Promise(r => setTimeout(r, 20));
      }
      req.end();
    })();
  });
}

describe('readPlainBody', () => {
  it('reads a body with a Content-Length into a Buffer, also in several chunks', async () => {
    await withServer(1000, async (port, outcomes) => {
      await post(port, { 'content-length': '7' }, ['{"a":1}']);
      await post(port, { 'content-length': '11' }, ['{"a":', '"xyz"}']);
      await post(port, { 'content-length': '0' }, []);
      const [one, two, empty] = await Promise.all(outcomes);
      expect(one).toEqual({ read: true, body: Buffer.from('{"a":1}') });
      expect(two).toEqual({ read: true, body: Buffer.from('{"a":"xyz"}') });
      expect(empty).toEqual({ read: true, body: Buffer.alloc(0) });
    });
  });

  it('leaves compressed, chunked and too big bodies to body-parser', async () => {
    await withServer(10, async (port, outcomes) => {
      await post(port, { 'content-length': '7', 'content-encoding': 'gzip' }, [
        'gzipped',
      ]);
      await post(port, { 'transfer-encoding': 'chunked' }, ['{}']);
      await post(port, { 'content-length': '11' }, ['12345678901']);
      // Identity is no encoding.
      await post(
        port,
        { 'content-length': '2', 'content-encoding': 'Identity' },
        ['{}'],
      );
      expect((await Promise.all(outcomes)).map(o => o.read)).toEqual([
        false,
        false,
        false,
        true,
      ]);
    });
  });

  it("answers an aborted request as body-parser does (400, 'request.aborted')", async () => {
    await withServer(1000, async (port, outcomes) => {
      const socket = connect(port, '127.0.0.1');
      await new Promise(r => socket.once('connect', r));
      socket.write(
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"partial":',
      );
      // Let the server start reading, then hang up mid-body.
      while (outcomes.length === 0) {
        await new Promise(r => setTimeout(r, 5));
      }
      socket.destroy();
      const outcome = await outcomes[0];
      expect(outcome.read).toBe(true);
      expect(outcome.error).toMatchObject({
        message: 'request aborted',
        statusCode: 400,
        type: 'request.aborted',
        expected: 100,
        received: 11,
      });
    });
  });
});
