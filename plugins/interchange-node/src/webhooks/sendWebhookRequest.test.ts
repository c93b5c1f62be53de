import http from 'node:http';
import net from 'node:net';
import { AddressInfo } from 'node:net';
import { nonPublicReason } from './addressPolicy';
import { sendWebhookRequest } from './sendWebhookRequest';

const allow = (entries: string[]) => ({
  allowlist: { entries },
  timeoutMs: 2000,
  maxResponseBytes: 16,
});

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('nonPublicReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['fd00::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['2002:7f00:1::', '6to4'],
  ])('refuses %s (%s)', (address, range) => {
    expect(nonPublicReason(address)).toContain(`a ${range} address`);
  });

  it.each([
    ['::7f00:1', 'is an IPv4-compatible address (embeds 127.0.0.1)'],
    ['::a00:1', 'is an IPv4-compatible address (embeds 10.0.0.1)'],
    ['4000::1', 'is outside global unicast (2000::/3)'],
  ])('refuses %s, which ipaddr.js calls unicast', (address, reason) => {
    expect(nonPublicReason(address)).toContain(reason);
  });

  it.each(['93.184.215.14', '2606:4700:4700::1111'])('accepts public %s', a => {
    expect(nonPublicReason(a)).toBeUndefined();
  });
});

describe('sendWebhookRequest against real servers on 127.0.0.1', () => {
  const servers: net.Server[] = [];
  afterAll(() => servers.forEach(s => s.close()));

  it('delivers to an allowlisted receiver, with the headers and body', async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', c => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end('thanks, a long answer that gets cut');
      });
    });
    servers.push(server);
    const port = await listen(server);
    const result = await sendWebhookRequest(
      `http://127.0.0.1:${port}/hooks?x=1`,
      { headers: { 'webhook-id': 'msg_1' }, body: '{"a":1}' },
      allow(['127.0.0.1/32']),
    );
    expect(result).toMatchObject({
      outcome: 'delivered',
      statusCode: 200,
      response: 'thanks, a long a',
      address: '127.0.0.1',
    });
    expect(received).toHaveLength(1);
    expect(received[0].body).toBe('{"a":1}');
    expect(received[0].headers['webhook-id']).toBe('msg_1');
    expect(received[0].headers.host).toBe(`127.0.0.1:${port}`);
  });

  it('refuses a non-allowlisted private target before any byte is sent', async () => {
    let connections = 0;
    const listener = net.createServer(socket => {
      connections += 1;
      socket.destroy();
    });
    servers.push(listener);
    const port = await listen(listener);
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://localhost:${port}/`,
    ]) {
      const result = await sendWebhookRequest(
        url,
        { headers: {}, body: '{}' },
        allow([]),
      );
      expect(result.outcome).toBe('refused');
      // localhost may resolve to ::1 first, depending on the machine.
      expect(result.error).toMatch(
        /resolves to (127\.0\.0\.1|::1) is a loopback address; requests to non-public addresses are refused unless allowlisted/,
      );
    }
    await new Promise(r => setTimeout(r, 100));
    expect(connections).toBe(0);
  });

  it('refuses other schemes and credentials in the URL', async () => {
    await expect(
      sendWebhookRequest('ftp://example.com/x', { headers: {}, body: '' }),
    ).resolves.toMatchObject({
      outcome: 'refused',
      error: 'ftp: URLs are not allowed; use http or https',
    });
    await expect(
      sendWebhookRequest('https://u:p@example.com/x', {
        headers: {},
        body: '',
      }),
    ).resolves.toMatchObject({
      outcome: 'refused',
      error: 'credentials in the URL are not allowed',
    });
  });

  it('connects to the checked address, not a second DNS answer (no rebinding)', async () => {
    let lookups = 0;
    const result = await sendWebhookRequest(
      'http://rebind.example/',
      { headers: {}, body: '' },
      { ...allow([]), timeoutMs: 300 },
      {
        // First answer public, any later one internal: only one lookup
        // happens, and the connection goes to the address it returned
        // (unreachable from the test machine, so the attempt fails).
        lookup: async () => {
          lookups += 1;
          return [{ address: lookups === 1 ? '93.184.215.14' : '127.0.0.1' }];
        },
      },
    );
    expect(lookups).toBe(1);
    expect(result).toMatchObject({
      outcome: 'failed',
      address: '93.184.215.14',
    });
  });

  it('refuses when any resolved address is internal', async () => {
    const result = await sendWebhookRequest(
      'http://mixed.example/',
      { headers: {}, body: '' },
      allow([]),
      {
        lookup: async () => [
          { address: '93.184.215.14' },
          { address: '10.0.0.5' },
        ],
      },
    );
    expect(result).toMatchObject({ outcome: 'refused' });
    expect(result.error).toContain('10.0.0.5 is a private address');
  });

  it('does not follow redirects', async () => {
    let followed = 0;
    const target = http.createServer((_req, res) => {
      followed += 1;
      res.end('ok');
    });
    servers.push(target);
    const targetPort = await listen(target);
    const redirector = http.createServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${targetPort}/` });
      res.end();
    });
    servers.push(redirector);
    const port = await listen(redirector);
    const result = await sendWebhookRequest(
      `http://127.0.0.1:${port}/`,
      { headers: {}, body: '{}' },
      allow(['127.0.0.1/32']),
    );
    expect(result).toMatchObject({ outcome: 'failed', statusCode: 302 });
    expect(result.error).toBe(
      `redirect to http://127.0.0.1:${targetPort}/ not followed; webhook URLs must answer directly`,
    );
    expect(followed).toBe(0);
  });

  it('gives up after the timeout', async () => {
    const slow = http.createServer(() => {
      /* never answers */
    });
    servers.push(slow);
    const port = await listen(slow);
    const result = await sendWebhookRequest(
      `http://127.0.0.1:${port}/`,
      { headers: {}, body: '{}' },
      { ...allow(['127.0.0.1/32']), timeoutMs: 300 },
    );
    expect(result).toMatchObject({
      outcome: 'failed',
      error: 'no complete answer within 300 ms',
    });
    expect(result.durationMs).toBeLessThan(2000);
  });

  it('gives up on a resolver that never answers, within the same timeout', async () => {
    const result = await sendWebhookRequest(
      'http://hangs.example/',
      { headers: {}, body: '{}' },
      { ...allow([]), timeoutMs: 300 },
      { lookup: () => new Promise(() => {}) },
    );
    expect(result).toMatchObject({
      outcome: 'failed',
      error: 'cannot resolve hangs.example: no DNS answer within 300 ms',
    });
  });
});
