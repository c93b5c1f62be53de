// @ts-check

/**
 * Snapshots of the generated integration strategy's numbers (counts and
 * finding keys), one per UTC day, so the document can say what changed since
 * an earlier day.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('interchange_strategy_snapshots', table => {
    table.comment('The strategy document numbers, latest of each UTC day');
    table.string('day', 10).primary().comment('YYYY-MM-DD, UTC');
    table.timestamp('taken_at', { useTz: true }).notNullable();
    table.text('snapshot').notNullable().comment('JSON: counts, findingKeys');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('interchange_strategy_snapshots');
};
