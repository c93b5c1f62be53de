// @ts-check

/**
 * Sampled consumer-group offsets, for lag trends and health evaluation.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('interchange_kafka_lag_samples', table => {
    table.comment('One row per consumer group per sampling run');
    table.bigIncrements('id').primary();
    table.string('cluster', 255).notNullable();
    table.string('group_id', 255).notNullable();
    table
      .bigInteger('sampled_at')
      .notNullable()
      .comment('Milliseconds since the epoch');
    table.bigInteger('total_lag').notNullable();
    table
      .text('partitions')
      .notNullable()
      .comment('JSON: [[topic, partition, committed, logEnd], ...]');
    table.index(
      ['cluster', 'group_id', 'sampled_at'],
      'interchange_lag_samples_group_time',
    );
    table.index(['sampled_at'], 'interchange_lag_samples_time');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('interchange_kafka_lag_samples');
};
