import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
} from 'node:crypto';

/** A secret as stored: AES-256-GCM output, base64 parts. */
export interface SealedSecret {
  /** Which key sealed it: a hash of the key, never the key. */
  keyId: string;
  iv: string;
  ciphertext: string;
  authTag: string;
}

/**
 * AES-256-GCM with a random 96-bit nonce per secret. The associated data
 * binds a ciphertext to its link (id and creator), so a row copied onto
 * another link or user does not decrypt.
 */
export class SecretCipher {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) {
      throw new Error('AES-256-GCM needs a 32-byte key');
    }
    this.keyId = createHash('sha256')
      .update('interchange-secret-links\0')
      .update(key)
      .digest('hex')
      .slice(0, 16);
  }

  seal(plaintext: string, associatedData: string): SealedSecret {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
    ]);
    return {
      keyId: this.keyId,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      authTag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** The plaintext; throws when the key, the data or the binding differ. */
  open(sealed: SealedSecret, associatedData: string): string {
    if (sealed.keyId !== this.keyId) {
      throw new Error(
        'the secret was sealed with another key (interchange.secrets.encryptionKey changed, or a development key of an earlier start)',
      );
    }
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key,
      Buffer.from(sealed.iv, 'base64'),
    );
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }
}
