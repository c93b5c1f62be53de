// @ts-check

/**
 * Sampled depth of message-bus destinations (RabbitMQ queues; any bus behind
 * the broker-neutral live-state layer), for depth history, trend sparklines
 * and the "depth grows" status rule.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('interchange_depth_samples', table => {
    table.comment('One row per destination per sampling run');
    table.bigIncrements('id').primary();
    table.string('bus', 32).notNullable().comment('kafka or rabbitmq');
    table.string('broker', 255).notNullable();
    table
      .string('destination', 600)
      .notNullable()
      .comment('Unique on the broker, e.g. <vhost>/<queue>');
    table
      .timestamp('sampled_at', { useTz: true })
      .notNullable()
      .comment('When the depth was read');
    table.bigInteger('depth').notNullable();
    table.integer('consumers');
    table.index(
      ['bus', 'broker', 'destination', 'sampled_at'],
      'interchange_depth_samples_destination_time',
    );
    table.index(['sampled_at'], 'interchange_depth_samples_time');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('interchange_depth_samples');
};
