// @ts-check

/**
 * For the idle-integration check: since when a topic or webhook has looked
 * the same (a topic's end offsets, a webhook's last retained delivery).
 * Retention deletes old records and deliveries, so "nothing retained" only
 * says "nothing since we have been watching".
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('interchange_activity_watch', table => {
    table.comment('One row per watched integration entity');
    table
      .string('subject', 700)
      .primary()
      .comment('The entity ref, e.g. kafkatopic:default/orders');
    table
      .string('marker', 255)
      .notNullable()
      .comment('What was seen, e.g. the sum of end offsets; a change restarts the watch');
    table
      .timestamp('since', { useTz: true })
      .notNullable()
      .comment('When the marker was first seen as it is');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('interchange_activity_watch');
};
