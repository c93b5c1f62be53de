import { generateWebhookSecret, maskWebhookSecret } from './secret';

describe('generateWebhookSecret', () => {
  it('makes distinct whsec_ secrets of 24 random bytes', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(24);
    expect(a).not.toBe(b);
  });

  it('masks all but the last four characters', () => {
    expect(maskWebhookSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe(
      'whsec_…LaSw',
    );
    expect(maskWebhookSecret('plainsecret')).toBe('…cret');
  });
});
