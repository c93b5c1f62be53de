import type { WebhookSigningSchemeName as SigningScheme } from '../entities/types';

/**
 * Signing and verifying webhook payloads with the schemes a Webhook entity
 * can declare (`spec.signing.scheme`). Web Crypto only, so the same code
 * runs in the backend, the CLI and the browser.
 *
 * - `standard-webhooks` (standardwebhooks.com): headers `webhook-id`,
 *   `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of
 *   "id.timestamp.body">`, secrets `whsec_<base64>`, several signatures
 *   separated by spaces (secret rotation), 5 minutes tolerance.
 * - `github`: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`.
 * - `hmac-sha256`: `X-Signature-256: sha256=<hex HMAC-SHA256 of the body>`,
 *   the same construction under a neutral header name.
 * - `shared-token`: the secret itself in a named header, for senders that
 *   cannot sign (Zapier's webhook step, many no-code tools). Weaker: it
 *   proves the sender knows the token, not that the body is unchanged, and
 *   a captured request can be replayed.
 */

/** @public */
export const SIGNING_SCHEMES: readonly SigningScheme[] = [
  'standard-webhooks',
  'github',
  'hmac-sha256',
  'shared-token',
  'none',
];

/** The header a `shared-token` webhook uses when it names none. @public */
export const DEFAULT_SHARED_TOKEN_HEADER = 'x-webhook-token';

/** Options of the `shared-token` scheme; ignored by the others. @public */
export interface WebhookSigningOptions {
  /** The token's header (`spec.signing.header`), default `x-webhook-token`. */
  header?: string;
}

function tokenHeader(options: WebhookSigningOptions | undefined): string {
  return (options?.header ?? DEFAULT_SHARED_TOKEN_HEADER).toLowerCase();
}

/** Default timestamp tolerance of Standard Webhooks, in seconds. @public */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/** Header names, lower case (HTTP headers are case-insensitive). @public */
export const WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
  github: 'x-hub-signature-256',
  githubDelivery: 'x-github-delivery',
  githubEvent: 'x-github-event',
  hmac: 'x-signature-256',
} as const;

/** What is signed: the raw body exactly as sent, plus id and time. @public */
export interface WebhookMessage {
  /** Unique per event; the same on redelivery (the receiver's idempotency key). */
  id: string;
  /** Unix seconds. */
  timestamp: number;
  body: string | Uint8Array;
}

/** @public */
export type VerifyResult =
  | { valid: true; id?: string; timestamp?: number }
  | { valid: false; reason: string };

const encoder = new TextEncoder();

function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach(b => {
    binary += String.fromCharCode(b);
  });
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  // A plain loop: Uint8Array.from with a mapping function was a visible
  // part of each inbound delivery's verification (yarn bench:webhooks).
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    out[i] = binary.charCodeAt(i);
  }
  return out;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(text: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(text)) {
    return undefined;
  }
  return Uint8Array.from(text.match(/../g)!, h => parseInt(h, 16));
}

/**
 * Compares without returning early, so the time taken does not tell an
 * attacker how many leading bytes of a forged signature were right.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  }
  return diff === 0;
}

/**
 * The key bytes of a secret. Standard Webhooks secrets are `whsec_` +
 * base64; other schemes use the secret's UTF-8 bytes, as GitHub does.
 */
export function secretKeyBytes(
  scheme: SigningScheme,
  secret: string,
): Uint8Array {
  if (scheme === 'standard-webhooks') {
    const key = fromBase64(
      secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret,
    );
    if (!key || key.length === 0) {
      throw new Error(
        "the secret is not a Standard Webhooks secret; it must be 'whsec_' followed by base64 (generate one with the interchange:webhook:create-secret action)",
      );
    }
    return key;
  }
  if (!secret) {
    throw new Error('the secret is empty');
  }
  return encoder.encode(secret);
}

/**
 * HMAC-SHA256 of `data` under `key`. Web Crypto by default, which runs in
 * every runtime; a Node backend may pass Node's synchronous `createHmac`
 * instead, which spares each verification Web Crypto's round trip through
 * the thread pool (the inbound receiver does, see `yarn bench:webhooks`).
 *
 * @public
 */
export type HmacSha256 = (
  key: Uint8Array,
  data: Uint8Array,
) => Uint8Array | Promise<Uint8Array>;

async function hmacSha256(
  key: Uint8Array,
  data: Uint8Array,
): Promise<Uint8Array> {
  const cryptoKey = await globalThis.crypto.subtle.importKey(
    'raw',
    key as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(
    await globalThis.crypto.subtle.sign(
      'HMAC',
      cryptoKey,
      data as BufferSource,
    ),
  );
}

function standardSignedContent(message: WebhookMessage): Uint8Array {
  return concat(
    encoder.encode(`${message.id}.${message.timestamp}.`),
    bytesOf(message.body),
  );
}

/**
 * The headers to send with a message. `none` gives only the id and time
 * headers, which receivers still use for deduplication.
 *
 * @public
 */
export async function signWebhook(
  scheme: SigningScheme,
  secret: string | undefined,
  message: WebhookMessage,
  options?: WebhookSigningOptions,
): Promise<Record<string, string>> {
  const idHeaders = {
    [WEBHOOK_HEADERS.id]: message.id,
    [WEBHOOK_HEADERS.timestamp]: String(message.timestamp),
  };
  if (scheme === 'none') {
    return idHeaders;
  }
  if (secret === undefined) {
    throw new Error(`scheme ${scheme} needs a secret`);
  }
  const key = secretKeyBytes(scheme, secret);
  if (scheme === 'shared-token') {
    return { ...idHeaders, [tokenHeader(options)]: secret };
  }
  if (scheme === 'standard-webhooks') {
    const signature = await hmacSha256(key, standardSignedContent(message));
    return {
      ...idHeaders,
      [WEBHOOK_HEADERS.signature]: `v1,${toBase64(signature)}`,
    };
  }
  const hex = toHex(await hmacSha256(key, bytesOf(message.body)));
  if (scheme === 'github') {
    return {
      [WEBHOOK_HEADERS.githubDelivery]: message.id,
      [WEBHOOK_HEADERS.github]: `sha256=${hex}`,
    };
  }
  return { ...idHeaders, [WEBHOOK_HEADERS.hmac]: `sha256=${hex}` };
}

/** Header lookup that ignores case and takes the first of repeated values. */
function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  // Node's servers give header names in lower case: one lookup, no scan.
  const exact = headers[name];
  if (exact !== undefined) {
    return Array.isArray(exact) ? exact[0] : exact;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) {
      return Array.isArray(value) ? value[0] : value;
    }
  }
  return undefined;
}

/**
 * Checks a received message. `secrets` may hold several secrets during a
 * rotation; any one matching is enough.
 *
 * @public
 */
export async function verifyWebhook(
  scheme: SigningScheme,
  secrets: string | string[],
  request: {
    headers: Record<string, string | string[] | undefined>;
    body: string | Uint8Array;
  },
  options: {
    now?: number;
    toleranceSeconds?: number;
    /** The HMAC implementation; Web Crypto when not given. */
    hmac?: HmacSha256;
  } & WebhookSigningOptions = {},
): Promise<VerifyResult> {
  const hmac = options.hmac ?? hmacSha256;
  if (scheme === 'none') {
    return { valid: true, id: header(request.headers, WEBHOOK_HEADERS.id) };
  }
  const keys = (Array.isArray(secrets) ? secrets : [secrets]).map(s =>
    secretKeyBytes(scheme, s),
  );
  if (scheme === 'shared-token') {
    const name = tokenHeader(options);
    const value = header(request.headers, name);
    if (!value) {
      return { valid: false, reason: `missing header ${name}` };
    }
    // Every key is compared, in constant time each, so the answer's timing
    // tells nothing about which one (or how much of one) matched.
    const received = encoder.encode(value);
    const matches = keys.map(k => timingSafeEqual(received, k));
    return matches.some(Boolean)
      ? { valid: true, id: header(request.headers, WEBHOOK_HEADERS.id) }
      : { valid: false, reason: `${name} does not match the shared token` };
  }
  if (scheme === 'standard-webhooks') {
    const id = header(request.headers, WEBHOOK_HEADERS.id);
    const timestampText = header(request.headers, WEBHOOK_HEADERS.timestamp);
    const signatures = header(request.headers, WEBHOOK_HEADERS.signature);
    const missing = [
      !id && WEBHOOK_HEADERS.id,
      !timestampText && WEBHOOK_HEADERS.timestamp,
      !signatures && WEBHOOK_HEADERS.signature,
    ].filter(Boolean);
    if (missing.length) {
      return { valid: false, reason: `missing header ${missing.join(', ')}` };
    }
    const timestamp = Number(timestampText);
    if (!/^\d+$/.test(timestampText!)) {
      return {
        valid: false,
        reason: `${WEBHOOK_HEADERS.timestamp} '${timestampText}' is not a unix time in seconds`,
      };
    }
    const now = options.now ?? Math.floor(Date.now() / 1000);
    const tolerance = options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
    if (Math.abs(now - timestamp) > tolerance) {
      return {
        valid: false,
        reason: `${WEBHOOK_HEADERS.timestamp} ${timestamp} is ${Math.abs(
          now - timestamp,
        )} s from now; at most ${tolerance} s is accepted (stale or replayed message, or a wrong clock)`,
      };
    }
    const content = standardSignedContent({
      id: id!,
      timestamp,
      body: request.body,
    });
    const expected = await Promise.all(keys.map(k => hmac(k, content)));
    const candidates = signatures!
      .split(' ')
      .map(s => s.trim())
      .filter(s => s.startsWith('v1,'))
      .map(s => fromBase64(s.slice(3)))
      .filter((s): s is Uint8Array => s !== undefined);
    if (!candidates.length) {
      return {
        valid: false,
        reason: `${WEBHOOK_HEADERS.signature} has no v1 signature`,
      };
    }
    const ok = candidates.some(c => expected.some(e => timingSafeEqual(c, e)));
    return ok
      ? { valid: true, id, timestamp }
      : {
          valid: false,
          reason: 'no signature matches: wrong secret or modified body',
        };
  }
  const name =
    scheme === 'github' ? WEBHOOK_HEADERS.github : WEBHOOK_HEADERS.hmac;
  const value = header(request.headers, name);
  if (!value) {
    return { valid: false, reason: `missing header ${name}` };
  }
  const received = value.startsWith('sha256=')
    ? fromHex(value.slice('sha256='.length))
    : undefined;
  if (!received) {
    return {
      valid: false,
      reason: `${name} must be 'sha256=' followed by a hex digest`,
    };
  }
  const body = bytesOf(request.body);
  const expected = await Promise.all(keys.map(k => hmac(k, body)));
  const id =
    header(request.headers, WEBHOOK_HEADERS.githubDelivery) ??
    header(request.headers, WEBHOOK_HEADERS.id);
  return expected.some(e => timingSafeEqual(received, e))
    ? { valid: true, id }
    : {
        valid: false,
        reason: 'signature does not match: wrong secret or modified body',
      };
}
