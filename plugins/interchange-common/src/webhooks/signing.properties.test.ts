/**
 * @jest-environment node
 */
// jsdom has no crypto.subtle; browsers and Node do.
import fc from 'fast-check';
import { checkAsyncProperty } from '../__testUtils__/properties';
import { signWebhook, verifyWebhook, WEBHOOK_HEADERS } from './signing';

/**
 * Property-based tests of signature verification: arbitrary headers and
 * bodies, and real signatures with the body or a header changed, are
 * refused with a reason naming the header (or saying the signature does
 * not match), never accepted and never an exception, within the time limit.
 */
const SECRETS = {
  'standard-webhooks': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  github: 'It is a secret to everybody',
  'hmac-sha256': 'another secret',
} as const;
type Scheme = keyof typeof SECRETS;
const schemes = Object.keys(SECRETS) as Scheme[];
const NOW = 1_700_000_000;
const NAMED = new RegExp(
  `${Object.values(WEBHOOK_HEADERS).join('|')}|signature|secret|body`,
);

const headerValue = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('v1,', 'v1,!!!', 'sha256=', 'sha256=zz', 'sha256=00', ' '),
);

describe('webhook signature verification on hostile input (fast-check)', () => {
  it('arbitrary headers and bodies are refused, naming the header', async () => {
    await checkAsyncProperty(
      'webhook verification, arbitrary requests',
      fc.record({
        scheme: fc.constantFrom(...schemes),
        headers: fc.dictionary(
          fc.oneof(
            fc.constantFrom(...Object.values(WEBHOOK_HEADERS)),
            fc.string({ maxLength: 20 }),
          ),
          fc.oneof(headerValue, fc.array(headerValue, { maxLength: 3 })),
          { maxKeys: 5 },
        ),
        body: fc.oneof(
          fc.string({ maxLength: 500 }),
          fc.uint8Array({ maxLength: 500 }),
        ),
      }),
      async ({ scheme, headers, body }) => {
        const result = await verifyWebhook(
          scheme,
          SECRETS[scheme],
          { headers, body },
          { now: NOW },
        );
        expect(result).toEqual({
          valid: false,
          reason: expect.stringMatching(NAMED),
        });
      },
      { numRuns: 300 },
    );
  });

  it('a real signature with the body or a header changed is refused', async () => {
    await checkAsyncProperty(
      'webhook verification, tampered signed requests',
      fc.record({
        scheme: fc.constantFrom(...schemes),
        body: fc.string({ minLength: 1, maxLength: 300 }),
        tamper: fc.constantFrom('body', 'header'),
        // Not a space: the signature header is a space-separated list.
        extra: fc.constantFrom('A', '0', 'x', '==', ',v1'),
      }),
      async ({ scheme, body, tamper, extra }) => {
        const signed = await signWebhook(scheme, SECRETS[scheme], {
          id: 'msg_1',
          timestamp: NOW,
          body,
        });
        const headers: Record<string, string> = { ...signed };
        expect(
          (
            await verifyWebhook(
              scheme,
              SECRETS[scheme],
              { headers, body },
              { now: NOW },
            )
          ).valid,
        ).toBe(true);
        const name = Object.keys(headers).find(h => /signature/.test(h))!;
        const tampered =
          tamper === 'body'
            ? { headers, body: body + extra }
            : {
                headers: { ...headers, [name]: `${headers[name]}${extra}` },
                body,
              };
        // A longer signature may still parse; it never matches.
        expect(
          await verifyWebhook(scheme, SECRETS[scheme], tampered, { now: NOW }),
        ).toEqual({ valid: false, reason: expect.stringMatching(NAMED) });
      },
      { numRuns: 200 },
    );
  });
});
