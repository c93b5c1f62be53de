// @ts-check

/**
 * One-time secret links: a secret (e.g. a new webhook signing secret from
 * the scaffolder) kept encrypted until its creator opens the link once, or
 * until it expires; either way the row is deleted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('interchange_secret_links', table => {
    table.comment('Secrets waiting to be shown once to their creator');
    table
      .string('id', 64)
      .primary()
      .comment('Random link id (256 bits, base64url)');
    table
      .string('created_by', 700)
      .notNullable()
      .comment('User entity ref; only this user can open the link');
    table.string('label', 200).notNullable();
    table
      .string('key_id', 32)
      .notNullable()
      .comment('Which encryption key sealed the secret (a hash, not the key)');
    table.string('iv', 32).notNullable().comment('AES-GCM nonce, base64');
    table.text('ciphertext').notNullable().comment('AES-256-GCM, base64');
    table.string('auth_tag', 32).notNullable().comment('GCM tag, base64');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(['expires_at'], 'interchange_secret_links_expires');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('interchange_secret_links');
};
