// @ts-check

/**
 * Delivery payloads can be cleared before their rows
 * (`interchange.webhooks.payloadRetention`): payloads are most of the delivery
 * log's size, the rows are what the log and endpoint health read. The hourly
 * job clears payloads older than the limit; this partial index holds only the
 * rows that still carry one, so each run reads the hour that just passed
 * instead of every older row already cleared (at 1 million rows, 30 days of
 * rows and 7 days of payloads, ~770,000 rows per run without it).
 * PostgreSQL and SQLite both support partial indexes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('interchange_webhook_deliveries', table => {
    table.index(
      ['attempted_at'],
      'interchange_webhook_deliveries_payload_time',
      {
        predicate: knex.whereNotNull('payload'),
      },
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('interchange_webhook_deliveries', table => {
    table.dropIndex(
      ['attempted_at'],
      'interchange_webhook_deliveries_payload_time',
    );
  });
};
