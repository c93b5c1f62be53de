import { SealedSecret } from './secretCipher';

/** A one-time link as stored. */
export interface StoredSecretLink {
  id: string;
  createdBy: string;
  label: string;
  sealed: SealedSecret;
  createdAt: number;
  expiresAt: number;
}

/** Where one-time secret links wait to be opened. */
export interface SecretLinkStore {
  add(link: StoredSecretLink): Promise<void>;
  get(id: string): Promise<StoredSecretLink | undefined>;
  /**
   * Deletes the link and returns it, to exactly one caller: of two
   * concurrent takes only one gets the row.
   */
  take(id: string): Promise<StoredSecretLink | undefined>;
  /** Deletes links that expired before `now` (ms); returns how many. */
  pruneExpired(now: number): Promise<number>;
}
