import { fillWebhookUrl, findSecretInWebhookUrl } from './urlSecret';

describe('fillWebhookUrl', () => {
  it('puts the secret in place of {secret}', () => {
    expect(
      fillWebhookUrl(
        'https://hooks.zapier.com/hooks/catch/{secret}/',
        '1234567/abcdefg',
      ),
    ).toBe('https://hooks.zapier.com/hooks/catch/1234567/abcdefg/');
    expect(
      fillWebhookUrl(
        'https://maker.ifttt.com/trigger/e/with/key/{secret}',
        'dK3x9',
      ),
    ).toBe('https://maker.ifttt.com/trigger/e/with/key/dK3x9');
  });

  it('refuses a secret that would send the request elsewhere', () => {
    expect(() =>
      fillWebhookUrl('https://{secret}.example/x', 'a'),
    ).toThrow();
    expect(() =>
      fillWebhookUrl('https://hooks.example{secret}', '@evil.example/'),
    ).toThrow('changes the host');
    expect(() =>
      fillWebhookUrl('https://hooks.example/{secret}', 'a b'),
    ).toThrow('whitespace');
    expect(() => fillWebhookUrl('https://hooks.example/x', 'a')).toThrow(
      'exactly once (found 0)',
    );
  });
});

describe('findSecretInWebhookUrl', () => {
  it('ignores case in the host and keeps what follows the secret', () => {
    expect(
      findSecretInWebhookUrl(
        'https://Maker.IFTTT.com/trigger/e/with/key/abc?value1=x',
      ),
    ).toEqual({
      what: 'an IFTTT Maker URL (the key in its path is the credential)',
      suggestion: 'https://Maker.IFTTT.com/trigger/e/with/key/{secret}?value1=x',
    });
    expect(findSecretInWebhookUrl('not a url')).toBeUndefined();
  });
});
