import { Knex } from 'knex';
import { SecretLinkStore, StoredSecretLink } from '../secrets/SecretLinkStore';
import { fromDbTime } from './dbTime';

const TABLE = 'interchange_secret_links';

type Row = {
  id: string;
  created_by: string;
  label: string;
  key_id: string;
  iv: string;
  ciphertext: string;
  auth_tag: string;
  created_at: Date | number | string;
  expires_at: Date | number | string;
};

function fromRow(row: Row): StoredSecretLink {
  return {
    id: row.id,
    createdBy: row.created_by,
    label: row.label,
    sealed: {
      keyId: row.key_id,
      iv: row.iv,
      ciphertext: row.ciphertext,
      authTag: row.auth_tag,
    },
    createdAt: fromDbTime(row.created_at).getTime(),
    expiresAt: fromDbTime(row.expires_at).getTime(),
  };
}

/** Secret links in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseSecretLinkStore implements SecretLinkStore {
  constructor(private readonly db: Knex) {}

  async add(link: StoredSecretLink): Promise<void> {
    await this.db<Row>(TABLE).insert({
      id: link.id,
      created_by: link.createdBy,
      label: link.label,
      key_id: link.sealed.keyId,
      iv: link.sealed.iv,
      ciphertext: link.sealed.ciphertext,
      auth_tag: link.sealed.authTag,
      created_at: new Date(link.createdAt),
      expires_at: new Date(link.expiresAt),
    });
  }

  async get(id: string): Promise<StoredSecretLink | undefined> {
    const row = await this.db<Row>(TABLE).where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  async take(id: string): Promise<StoredSecretLink | undefined> {
    return this.db.transaction(async tx => {
      const row = await tx<Row>(TABLE).where({ id }).first();
      if (!row) {
        return undefined;
      }
      // Whoever deletes the row owns it: a concurrent take that read the
      // same row deletes nothing and gets nothing.
      const deleted = await tx<Row>(TABLE).where({ id }).delete();
      return deleted === 1 ? fromRow(row) : undefined;
    });
  }

  async pruneExpired(now: number): Promise<number> {
    return this.db<Row>(TABLE).where('expires_at', '<', new Date(now)).delete();
  }
}
