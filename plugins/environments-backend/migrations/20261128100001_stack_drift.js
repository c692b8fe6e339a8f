// @ts-check

/**
 * The last CloudFormation drift detection of each stack, shared by every backend instance.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('environment_stack_drift', table => {
    table.comment(
      'The last drift detection of each stack: its status, drifted resources and differences',
    );
    table
      .string('stack_key')
      .primary()
      .notNullable()
      .comment('account/region/stack name');
    table.string('stack_id').nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('DRIFTED, IN_SYNC or UNKNOWN');
    table
      .text('resources')
      .notNullable()
      .comment('JSON array of DriftedResource');
    table.text('message').notNullable();
    table.timestamp('checked_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('environment_stack_drift');
};
