import { randomBytes } from 'node:crypto';
import { SecretCipher } from './secretCipher';

describe('SecretCipher', () => {
  const cipher = new SecretCipher(randomBytes(32));

  it('seals and opens, with a fresh nonce each time and no plaintext in the output', () => {
    const a = cipher.seal('whsec_abc', 'link-1|user:default/ann');
    const b = cipher.seal('whsec_abc', 'link-1|user:default/ann');
    expect(a.iv).not.toBe(b.iv);
    expect(JSON.stringify(a)).not.toContain('whsec_abc');
    expect(cipher.open(a, 'link-1|user:default/ann')).toBe('whsec_abc');
  });

  it('refuses another binding, a modified ciphertext and another key', () => {
    const sealed = cipher.seal('whsec_abc', 'link-1|user:default/ann');
    expect(() => cipher.open(sealed, 'link-1|user:default/bob')).toThrow();
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(() =>
      cipher.open(
        { ...sealed, ciphertext: flipped.toString('base64') },
        'link-1|user:default/ann',
      ),
    ).toThrow();
    expect(() =>
      new SecretCipher(randomBytes(32)).open(sealed, 'link-1|user:default/ann'),
    ).toThrow('sealed with another key');
  });
});
