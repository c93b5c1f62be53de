/**
 * @jest-environment node
 */
// jsdom has no crypto.subtle; browsers and Node do.
import { signWebhook, verifyWebhook } from './signing';

/**
 * The test vector of the Standard Webhooks reference libraries
 * (standard-webhooks/standard-webhooks, libraries/javascript/src/index.test.ts
 * and the other languages' tests).
 */
const standard = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

/** GitHub's documented example ("Validating webhook deliveries"). */
const github = {
  secret: "It's a Secret to Everybody",
  body: 'Hello, World!',
  signature:
    'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
};

const standardHeaders = (signature = standard.signature) => ({
  'webhook-id': standard.id,
  'webhook-timestamp': String(standard.timestamp),
  'webhook-signature': signature,
});

describe('Standard Webhooks', () => {
  it('signs the published test vector', async () => {
    expect(
      await signWebhook('standard-webhooks', standard.secret, standard),
    ).toEqual(standardHeaders());
  });

  it('verifies it, with any of several signatures (rotation)', async () => {
    await expect(
      verifyWebhook(
        'standard-webhooks',
        standard.secret,
        { headers: standardHeaders(), body: standard.body },
        { now: standard.timestamp },
      ),
    ).resolves.toEqual({
      valid: true,
      id: standard.id,
      timestamp: standard.timestamp,
    });
    await expect(
      verifyWebhook(
        'standard-webhooks',
        ['whsec_bmV3LXNlY3JldC1hZnRlci1yb3RhdGlvbg==', standard.secret],
        {
          headers: standardHeaders(
            `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${standard.signature}`,
          ),
          body: standard.body,
        },
        { now: standard.timestamp + 60 },
      ),
    ).resolves.toMatchObject({ valid: true });
  });

  it.each([
    [
      'a tampered body',
      { headers: standardHeaders(), body: '{"test": 2432232315}' },
      'no signature matches: wrong secret or modified body',
    ],
    [
      'a missing signature header',
      {
        headers: {
          'webhook-id': standard.id,
          'webhook-timestamp': '1614265330',
        },
        body: standard.body,
      },
      'missing header webhook-signature',
    ],
    [
      'no v1 signature',
      { headers: standardHeaders('v1a,abc'), body: standard.body },
      'webhook-signature has no v1 signature',
    ],
  ])('rejects %s', async (_, request, reason) => {
    await expect(
      verifyWebhook('standard-webhooks', standard.secret, request, {
        now: standard.timestamp,
      }),
    ).resolves.toEqual({ valid: false, reason });
  });

  it('rejects the wrong secret', async () => {
    await expect(
      verifyWebhook(
        'standard-webhooks',
        'whsec_d3Jvbmctc2VjcmV0LWZvci10ZXN0cw==',
        { headers: standardHeaders(), body: standard.body },
        { now: standard.timestamp },
      ),
    ).resolves.toEqual({
      valid: false,
      reason: 'no signature matches: wrong secret or modified body',
    });
  });

  it('rejects stale and future timestamps beyond 5 minutes', async () => {
    for (const now of [standard.timestamp + 301, standard.timestamp - 301]) {
      const result = await verifyWebhook(
        'standard-webhooks',
        standard.secret,
        { headers: standardHeaders(), body: standard.body },
        { now },
      );
      expect(result).toEqual({
        valid: false,
        reason:
          'webhook-timestamp 1614265330 is 301 s from now; at most 300 s is accepted (stale or replayed message, or a wrong clock)',
      });
    }
  });

  it('explains a secret that is not in the whsec_ format', async () => {
    await expect(
      signWebhook('standard-webhooks', 'not base64!', standard),
    ).rejects.toThrow("must be 'whsec_' followed by base64");
  });
});

describe('GitHub', () => {
  it("signs and verifies GitHub's documented example", async () => {
    expect(
      await signWebhook('github', github.secret, {
        id: 'delivery-1',
        timestamp: 0,
        body: github.body,
      }),
    ).toEqual({
      'x-github-delivery': 'delivery-1',
      'x-hub-signature-256': github.signature,
    });
    await expect(
      verifyWebhook('github', github.secret, {
        headers: { 'X-Hub-Signature-256': github.signature },
        body: github.body,
      }),
    ).resolves.toEqual({ valid: true, id: undefined });
  });

  it('rejects a tampered body, a wrong secret and a malformed header', async () => {
    const check = (secret: string, body: string, signature: string) =>
      verifyWebhook('github', secret, {
        headers: { 'x-hub-signature-256': signature },
        body,
      });
    await expect(
      check(github.secret, 'Hello, World?', github.signature),
    ).resolves.toMatchObject({ valid: false });
    await expect(
      check('another secret', github.body, github.signature),
    ).resolves.toMatchObject({ valid: false });
    await expect(
      check(github.secret, github.body, 'sha1=abc'),
    ).resolves.toEqual({
      valid: false,
      reason: "x-hub-signature-256 must be 'sha256=' followed by a hex digest",
    });
    await expect(
      verifyWebhook('github', github.secret, { headers: {}, body: '' }),
    ).resolves.toEqual({
      valid: false,
      reason: 'missing header x-hub-signature-256',
    });
  });
});

describe('hmac-sha256', () => {
  it('uses the GitHub construction under x-signature-256', async () => {
    const headers = await signWebhook('hmac-sha256', github.secret, {
      id: 'evt_1',
      timestamp: 1700000000,
      body: github.body,
    });
    expect(headers).toEqual({
      'webhook-id': 'evt_1',
      'webhook-timestamp': '1700000000',
      'x-signature-256': github.signature,
    });
    await expect(
      verifyWebhook('hmac-sha256', github.secret, {
        headers,
        body: github.body,
      }),
    ).resolves.toEqual({ valid: true, id: 'evt_1' });
  });
});
