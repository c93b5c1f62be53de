import {
  signWebhook,
  verifyWebhook,
} from '@interchange/plugin-interchange-common';
import { nodeHmacSha256 } from './nodeHmacSha256';

describe('nodeHmacSha256', () => {
  it('matches RFC 4231 test case 2', () => {
    const digest = nodeHmacSha256(
      new TextEncoder().encode('Jefe'),
      new TextEncoder().encode('what do ya want for nothing?'),
    ) as Uint8Array;
    expect(Buffer.from(digest).toString('hex')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it.each(['standard-webhooks', 'github', 'hmac-sha256'] as const)(
    'verifies what Web Crypto signed with %s, and refuses a changed body',
    async scheme => {
      const secret =
        scheme === 'standard-webhooks'
          ? 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
          : 'a-secret';
      const body = '{"type":"order.shipped"}';
      const headers = await signWebhook(scheme, secret, {
        id: 'evt_1',
        timestamp: Math.floor(Date.now() / 1000),
        body,
      });
      const options = { hmac: nodeHmacSha256 };
      await expect(
        verifyWebhook(scheme, secret, { headers, body }, options),
      ).resolves.toMatchObject({ valid: true });
      await expect(
        verifyWebhook(scheme, secret, { headers, body: `${body} ` }, options),
      ).resolves.toMatchObject({ valid: false });
    },
  );
});
