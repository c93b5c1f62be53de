import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import {
  isAllowlisted,
  nonPublicReason,
  OutboundAllowlist,
} from './addressPolicy';

/** Limits of every outbound webhook request. @public */
export interface OutboundRequestPolicy {
  allowlist: OutboundAllowlist;
  /** Whole request, connect to last byte. Default 10 s. */
  timeoutMs: number;
  /** Response bytes kept (and read); the rest is dropped. Default 4096. */
  maxResponseBytes: number;
}

/** @public */
export const DEFAULT_OUTBOUND_POLICY: OutboundRequestPolicy = {
  allowlist: { entries: [] },
  timeoutMs: 10_000,
  maxResponseBytes: 4096,
};

/**
 * How an attempt ended: `delivered` (2xx), `failed` (other status, timeout,
 * connection error, redirect) or `refused` (never sent: the target is not
 * allowed).
 *
 * @public
 */
export type DeliveryOutcome = 'delivered' | 'failed' | 'refused';

/** @public */
export interface OutboundResult {
  outcome: DeliveryOutcome;
  statusCode?: number;
  durationMs: number;
  /** The first `maxResponseBytes` of the response body. */
  response?: string;
  error?: string;
  /** The address connected to, after the checks. */
  address?: string;
}

type Lookup = (hostname: string) => Promise<{ address: string }[]>;

const defaultLookup: Lookup = hostname =>
  dns.lookup(hostname, { all: true, verbatim: true });

/**
 * Sends one request without opening a way into the portal's network (SSRF):
 * http/https only, no credentials in the URL, every address the host
 * resolves to must be public (or allowlisted), the connection goes to the
 * address that was checked (so a second DNS answer cannot swap in an
 * internal one), redirects are not followed, and time and response size are
 * bounded.
 *
 * @public
 */
export async function sendWebhookRequest(
  target: string,
  request: { headers: Record<string, string>; body: string },
  policy: OutboundRequestPolicy = DEFAULT_OUTBOUND_POLICY,
  options: { lookup?: Lookup } = {},
): Promise<OutboundResult> {
  const started = Date.now();
  const refuse = (error: string): OutboundResult => ({
    outcome: 'refused',
    durationMs: Date.now() - started,
    error,
  });

  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return refuse(`'${target}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refuse(`${url.protocol} URLs are not allowed; use http or https`);
  }
  if (url.username || url.password) {
    return refuse('credentials in the URL are not allowed');
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, '');

  // Node skips `lookup` for IP literals, so they are checked here as well.
  let addresses: string[];
  if (net.isIP(hostname)) {
    addresses = [hostname];
  } else {
    // The lookup counts against the same timeout as the request: a resolver
    // that never answers must not hold the attempt open.
    let lookupTimer: NodeJS.Timeout | undefined;
    try {
      const answered = await Promise.race([
        (options.lookup ?? defaultLookup)(hostname),
        new Promise<never>((_, reject) => {
          lookupTimer = setTimeout(
            () =>
              reject(new Error(`no DNS answer within ${policy.timeoutMs} ms`)),
            policy.timeoutMs,
          );
        }),
      ]);
      addresses = answered.map(a => a.address);
    } catch (e) {
      return {
        outcome: 'failed',
        durationMs: Date.now() - started,
        error: `cannot resolve ${hostname}: ${
          (e as NodeJS.ErrnoException).code ?? (e as Error).message
        }`,
      };
    } finally {
      clearTimeout(lookupTimer);
    }
  }
  if (!addresses.length) {
    return refuse(`${hostname} resolves to no address`);
  }
  for (const address of addresses) {
    const reason = nonPublicReason(address);
    if (reason && !isAllowlisted(policy.allowlist, hostname, address)) {
      return refuse(
        `${hostname} resolves to ${reason}; requests to non-public addresses are refused unless allowlisted (interchange.webhooks.outbound.allow)`,
      );
    }
  }
  const address = addresses[0];

  return new Promise<OutboundResult>(resolve => {
    const state: { settled: boolean; timer?: NodeJS.Timeout } = {
      settled: false,
    };
    const finish = (result: Omit<OutboundResult, 'durationMs' | 'address'>) => {
      if (!state.settled) {
        state.settled = true;
        clearTimeout(state.timer);
        resolve({ ...result, address, durationMs: Date.now() - started });
      }
    };
    const secure = url.protocol === 'https:';
    const req = (secure ? https : http).request({
      host: address,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      // TLS is verified against the name, not the address connected to.
      servername: secure && !net.isIP(hostname) ? hostname : undefined,
      headers: {
        ...request.headers,
        host: url.host,
        'content-length': String(Buffer.byteLength(request.body)),
      },
      agent: false,
    });
    state.timer = setTimeout(() => {
      req.destroy(
        new Error(`no complete answer within ${policy.timeoutMs} ms`),
      );
    }, policy.timeoutMs);
    req.on('error', e => finish({ outcome: 'failed', error: e.message }));
    req.on('response', res => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const done = () => {
        const status = res.statusCode ?? 0;
        const response = Buffer.concat(chunks).toString('utf8');
        if (status >= 300 && status < 400) {
          finish({
            outcome: 'failed',
            statusCode: status,
            response,
            error: `redirect to ${
              res.headers.location ?? '(no location)'
            } not followed; webhook URLs must answer directly`,
          });
        } else {
          finish({
            outcome: status >= 200 && status < 300 ? 'delivered' : 'failed',
            statusCode: status,
            response,
            error:
              status >= 200 && status < 300
                ? undefined
                : `the endpoint answered ${status}`,
          });
        }
      };
      res.on('data', (chunk: Buffer) => {
        if (kept < policy.maxResponseBytes) {
          const part = chunk.subarray(0, policy.maxResponseBytes - kept);
          chunks.push(part);
          kept += part.length;
        }
        if (kept >= policy.maxResponseBytes) {
          // Enough to show; do not read (or wait for) the rest.
          res.destroy();
          done();
        }
      });
      res.on('end', done);
      res.on('error', e => finish({ outcome: 'failed', error: e.message }));
    });
    req.end(request.body);
  });
}
