import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { DatabaseSecretLinkStore } from './DatabaseSecretLinkStore';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);
const databases = createTestDatabases();
const config = {
  directory: migrationsDir,
  tableName: 'interchange_knex_migrations',
};
const MIGRATION = '20261216120000_secret_links.js';

const link = (id: string, expiresAt: number) => ({
  id,
  createdBy: 'user:default/ann',
  label: 'Signing secret for webhook partner-loyalty',
  sealed: { keyId: 'k1', iv: 'aXY=', ciphertext: 'Y3Q=', authTag: 'dGFn' },
  createdAt: 1_767_000_000_000,
  expiresAt,
});

describe.each(databases.eachSupportedId())(
  'DatabaseSecretLinkStore on %s',
  databaseId => {
    let knex: Knex;
    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest(config);
    });

    it('stores a link and gives it out once', async () => {
      const store = new DatabaseSecretLinkStore(knex);
      const stored = link('a'.repeat(43), 1_767_000_000_999);
      await store.add(stored);
      expect(await store.get(stored.id)).toEqual(stored);
      const [first, second] = await Promise.all([
        store.take(stored.id),
        store.take(stored.id),
      ]);
      // Exactly one of two concurrent takes gets the row.
      expect([first, second].filter(Boolean)).toEqual([stored]);
      expect(await store.get(stored.id)).toBeUndefined();
      expect(await store.take(stored.id)).toBeUndefined();
    });

    it('prunes links past their expiry only', async () => {
      const store = new DatabaseSecretLinkStore(knex);
      await store.add(link('old', 1_000));
      await store.add(link('new', 9_000));
      expect(await store.pruneExpired(5_000)).toBe(1);
      expect(await store.get('old')).toBeUndefined();
      expect(await store.get('new')).toBeDefined();
    });

    it('its migration rolls back and forward', async () => {
      const fresh = await databases.init(databaseId);
      await fresh.migrate.latest(config);
      expect(await fresh.schema.hasTable('interchange_secret_links')).toBe(
        true,
      );
      // Roll back to just before the secret links, then forward again.
      while (
        (await fresh.migrate.list(config))[0].some(
          (m: { name: string }) => m.name === MIGRATION,
        )
      ) {
        await fresh.migrate.down(config);
      }
      expect(await fresh.schema.hasTable('interchange_secret_links')).toBe(
        false,
      );
      await fresh.migrate.latest(config);
      expect(
        await fresh('interchange_secret_links').columnInfo('expires_at'),
      ).toMatchObject({
        type: databaseId.startsWith('POSTGRES')
          ? 'timestamp with time zone'
          : 'datetime',
        nullable: false,
      });
    });
  },
);
