// @ts-check

/**
 * The stacks the discovery provider last found, in the catalog's database (with the module's own
 * migrations table): the processor reads them to fill the gaps of declared Environments.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('stageline_discovered_stacks', table => {
    table.comment('CloudFormation stacks found by Stageline discovery');
    table.string('stack_id', 1024).primary().notNullable();
    table.string('stack_name').notNullable();
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.text('stack').notNullable().comment('JSON of the discovered stack');
    table.index(['stack_name'], 'stageline_discovered_stacks_name_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('stageline_discovered_stacks');
};
