// @ts-check

/**
 * Where each scheduled environment stands: running or stopped, the last schedule event handled,
 * what a stop scaled down (to scale it back), a "keep running until" override, and retries.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('environment_schedules', table => {
    table.comment(
      'Environments stopped and started by their spec.schedule, or by hand',
    );
    table.string('entity_ref').primary().notNullable();
    table
      .string('state', 16)
      .notNullable()
      .comment('running, stopping, stopped, starting, failed');
    table.timestamp('since', { useTz: true }).notNullable();
    table
      .timestamp('last_event_at', { useTz: true })
      .nullable()
      .comment('The latest schedule event handled (or skipped)');
    table.string('last_action', 16).nullable().comment('shutdown or startup');
    table.string('last_actor').nullable();
    table
      .string('method', 16)
      .nullable()
      .comment('pipeline, scale-to-zero, dry-run');
    table
      .text('scaled')
      .nullable()
      .comment('JSON: what a stop scaled down, to scale back');
    table.timestamp('keep_running_until', { useTz: true }).nullable();
    table.string('keep_running_by').nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.timestamp('lease_until', { useTz: true }).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('environment_schedules');
};
