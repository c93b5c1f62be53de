// @ts-check

/**
 * The last known state of everything Interchange notifies about (a consumer
 * group's status, a topic's or route's drift, a webhook endpoint's health, an
 * error finding), so a notification goes out once per state change, also
 * across restarts and backend replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('interchange_notification_states', table => {
    table.comment('One row per watched subject');
    table
      .string('subject', 700)
      .primary()
      .comment('e.g. consumer-group:local/orders-intake');
    table
      .string('event_type', 64)
      .notNullable()
      .comment('consumerGroup, drift, webhookEndpoint or finding');
    table.string('state', 64).notNullable();
    table
      .timestamp('changed_at', { useTz: true })
      .notNullable()
      .comment('When the state was last seen to change');
    table.index(['event_type'], 'interchange_notification_states_type');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('interchange_notification_states');
};
