// @ts-check

/**
 * Validation problems the catalog reported for Interchange entities, so the
 * portal can show them even for entities that never made it into the catalog.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('interchange_catalog_problems', table => {
    table.comment('Latest catalog processing errors per Interchange entity');
    table
      .string('entity_ref', 512)
      .primary()
      .comment('e.g. kafkatopic:default/orders.v1');
    table.text('location').nullable().comment('Where the entity was read from');
    table
      .text('message')
      .notNullable()
      .comment('The error as the catalog reported it');
    table.timestamp('first_seen', { useTz: true }).notNullable();
    table.timestamp('last_seen', { useTz: true }).notNullable().index();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('interchange_catalog_problems');
};
