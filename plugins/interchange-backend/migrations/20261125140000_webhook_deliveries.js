// @ts-check

/**
 * Webhook delivery log: every outbound attempt (test events, redeliveries)
 * and every inbound delivery to a receiver in this portal.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('interchange_webhook_deliveries', table => {
    table.comment('One row per delivery attempt, outbound or inbound');
    table.string('id', 36).primary().comment('uuid of the attempt');
    table.string('entity_ref', 255).notNullable();
    table.string('direction', 16).notNullable().comment('outbound | inbound');
    table.string('event_id', 255).notNullable();
    table.string('event_type', 255).notNullable();
    table.bigInteger('attempted_at').notNullable().comment('ms since epoch');
    table.integer('duration_ms').notNullable();
    table.integer('status_code').nullable();
    table
      .string('outcome', 16)
      .notNullable()
      .comment('delivered | failed | refused | received | rejected');
    table.text('error').nullable();
    table.text('response').nullable().comment('first bytes of the answer');
    table.text('url').nullable();
    table
      .text('request_headers')
      .nullable()
      .comment('JSON; signatures only, never a secret');
    table
      .text('payload')
      .nullable()
      .comment('the body sent or received, kept for redelivery');
    table.string('redelivery_of', 36).nullable();
    table
      .string('dedup_key', 512)
      .nullable()
      .unique({ indexName: 'interchange_webhook_deliveries_dedup' })
      .comment('inbound: entity ref + event id, so a retried event is recorded once');
    table.index(
      ['entity_ref', 'attempted_at'],
      'interchange_webhook_deliveries_entity_time',
    );
    table.index(['attempted_at'], 'interchange_webhook_deliveries_time');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('interchange_webhook_deliveries');
};
