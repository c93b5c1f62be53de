// @ts-check

/**
 * Integration check findings (docs/checks.md), as the scheduled task last
 * computed them, with when each was first seen so the portal can say "new
 * since ...". A finding is identified by its rule, its entity and every
 * entity involved (`finding_key`, a hash of the three); one that is no
 * longer found is deleted.
 *
 * `interchange_check_runs` holds one row per stored result (id `latest`):
 * when it was computed and which rules were skipped, and why.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('interchange_check_findings', table => {
    table.comment('Integration check findings of the latest run');
    table
      .string('finding_key', 64)
      .primary()
      .comment('sha256 of rule, entity ref and the sorted refs involved');
    table.string('rule', 128).notNullable().index();
    table.string('severity', 16).notNullable();
    table
      .string('entity_ref', 512)
      .notNullable()
      .index()
      .comment('The entity the finding belongs to');
    table
      .text('entity_refs')
      .notNullable()
      .comment('JSON array: every entity involved, entity_ref first');
    table
      .text('owners')
      .notNullable()
      .comment('JSON array: owners of the entities involved');
    table
      .text('systems')
      .notNullable()
      .comment('JSON array: systems of the entities involved');
    table.text('message').notNullable();
    table.text('fix').notNullable();
    table.text('details').notNullable().comment('JSON object');
    table.timestamp('first_seen', { useTz: true }).notNullable().index();
    table.timestamp('last_seen', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('interchange_check_runs', table => {
    table.comment('When the stored findings were computed');
    table.string('id', 32).primary().comment('latest');
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table
      .text('skipped_rules')
      .notNullable()
      .comment('JSON array of { rule, reason }');
    table
      .integer('excused')
      .notNullable()
      .comment('How many findings exceptions hid');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('interchange_check_runs');
  await knex.schema.dropTable('interchange_check_findings');
};
