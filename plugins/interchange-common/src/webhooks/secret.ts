/**
 * Secrets in the Standard Webhooks format: `whsec_` followed by the base64
 * of the key bytes. 24 bytes (192 bits) is what the specification's
 * reference libraries generate.
 */

const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 24;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach(b => {
    binary += String.fromCharCode(b);
  });
  return btoa(binary);
}

/**
 * A new random webhook signing secret, e.g. `whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`.
 *
 * @public
 */
export function generateWebhookSecret(): string {
  const bytes = new Uint8Array(SECRET_BYTES);
  globalThis.crypto.getRandomValues(bytes);
  return `${SECRET_PREFIX}${toBase64(bytes)}`;
}

/**
 * A secret as it may be shown: prefix and last four characters, e.g.
 * `whsec_…Saw`, so people can tell secrets apart without seeing them.
 *
 * @public
 */
export function maskWebhookSecret(secret: string): string {
  const prefix = secret.startsWith(SECRET_PREFIX) ? SECRET_PREFIX : '';
  return `${prefix}…${secret.slice(-4)}`;
}
