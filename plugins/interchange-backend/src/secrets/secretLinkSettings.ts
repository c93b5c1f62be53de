import { randomBytes } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

const KEY = 'interchange.secrets.encryptionKey';
const TTL_KEY = 'interchange.secrets.linkTtl';
const GENERATE = 'openssl rand -base64 32';

/** `interchange.secrets`: the one-time secret links' key and lifetime. */
export type SecretLinkSettings =
  | { enabled: true; key: Buffer; ttlMs: number; ephemeralKey: boolean }
  | { enabled: false; reason: string; ttlMs: number };

/**
 * Reads `interchange.secrets`. A malformed key or lifetime fails start-up,
 * naming the key. A missing key turns the feature off in production (the
 * secret links API answers 503 with the reason); elsewhere a random key is
 * generated for this process, with a warning, so the demo works without
 * configuration: its links die with the process.
 */
export function readSecretLinkSettings(
  config: Config,
  logger: LoggerService,
  nodeEnv: string | undefined = process.env.NODE_ENV,
): SecretLinkSettings {
  const c = config.getOptionalConfig('interchange.secrets');
  let ttlMs = 24 * 3600 * 1000;
  if (c?.has('linkTtl')) {
    ttlMs = durationToMilliseconds(
      readDurationFromConfig(c, { key: 'linkTtl' }),
    );
    if (ttlMs < 60_000 || ttlMs > 7 * 24 * 3600 * 1000) {
      throw new Error(
        `${TTL_KEY}: must be between 1 minute and 7 days (a link is a secret in transit; keep it short)`,
      );
    }
  }
  const text = c?.getOptionalString('encryptionKey');
  if (text === undefined || text === '') {
    if (nodeEnv === 'production') {
      const reason = `one-time secret links are off: ${KEY} is not set. Fix: set it to 32 random bytes in base64 (${GENERATE}) from your secret store`;
      logger.error(reason);
      return { enabled: false, reason, ttlMs };
    }
    logger.warn(
      `${KEY} is not set: one-time secret links use a random key generated for this process (development only); links created now cannot be opened after a restart or on another replica. Set it (${GENERATE}) to keep them.`,
    );
    return { enabled: true, key: randomBytes(32), ttlMs, ephemeralKey: true };
  }
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text.trim()) || key.length !== 32) {
    throw new Error(
      `${KEY}: must be 32 random bytes in base64 (44 characters ending in '='); generate one with ${GENERATE}`,
    );
  }
  return { enabled: true, key, ttlMs, ephemeralKey: false };
}
