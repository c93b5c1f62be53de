import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readSecretLinkSettings } from './secretLinkSettings';

const KEY = Buffer.alloc(32, 7).toString('base64');

function read(secrets: JsonObject | undefined, nodeEnv = 'development') {
  const logger = mockServices.logger.mock();
  const settings = readSecretLinkSettings(
    new ConfigReader({ interchange: secrets ? { secrets } : {} }),
    logger,
    nodeEnv,
  );
  return { settings, logger };
}

describe('readSecretLinkSettings', () => {
  it('reads the key and lifetime, default 24 hours', () => {
    expect(read({ encryptionKey: KEY }).settings).toEqual({
      enabled: true,
      key: Buffer.alloc(32, 7),
      ttlMs: 24 * 3600 * 1000,
      ephemeralKey: false,
    });
    expect(
      read({ encryptionKey: KEY, linkTtl: { hours: 2 } }, 'production').settings
        .ttlMs,
    ).toBe(2 * 3600 * 1000);
  });

  it('turns the feature off in production without a key, with the fix in the error', () => {
    const { settings, logger } = read(undefined, 'production');
    expect(settings).toEqual({
      enabled: false,
      ttlMs: 24 * 3600 * 1000,
      reason:
        'one-time secret links are off: interchange.secrets.encryptionKey is not set. Fix: set it to 32 random bytes in base64 (openssl rand -base64 32) from your secret store',
    });
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('interchange.secrets.encryptionKey is not set'),
    );
  });

  it('generates a process-only key with a warning elsewhere', () => {
    const { settings, logger } = read(undefined, 'development');
    expect(settings).toMatchObject({ enabled: true, ephemeralKey: true });
    expect(settings.enabled && settings.key).toHaveLength(32);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('development only'),
    );
  });

  it('fails start-up on a malformed key or lifetime, naming the key', () => {
    expect(() => read({ encryptionKey: 'short' })).toThrow(
      "interchange.secrets.encryptionKey: must be 32 random bytes in base64 (44 characters ending in '='); generate one with openssl rand -base64 32",
    );
    expect(() =>
      read({ encryptionKey: Buffer.alloc(16).toString('base64') }),
    ).toThrow('interchange.secrets.encryptionKey');
    expect(() => read({ encryptionKey: KEY, linkTtl: { days: 30 } })).toThrow(
      'interchange.secrets.linkTtl: must be between 1 minute and 7 days',
    );
  });
});
