// @ts-check

/**
 * Promotion history and the per-target promotion lock.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('environment_promotions', table => {
    table.comment(
      'Every promotion attempt: who, when, from, to, what, how it ended',
    );
    table
      .increments('seq')
      .comment(
        'Insertion order, to sort attempts made in the same millisecond',
      );
    table.string('id', 36).unique().notNullable();
    table.string('source_ref').notNullable();
    table.string('target_ref').notNullable();
    table.string('actor').notNullable();
    table.string('strategy', 32).notNullable();
    table.string('result', 16).notNullable();
    table.text('commits').notNullable().comment('JSON array of PendingCommit');
    table
      .text('gates')
      .notNullable()
      .comment('JSON array of PromotionGateResult');
    table.text('link').nullable();
    table
      .bigInteger('run_id')
      .nullable()
      .comment('Workflow run started by a workflow-dispatch promotion');
    table.text('message').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.index(
      ['source_ref', 'created_at'],
      'environment_promotions_source_idx',
    );
    table.index(
      ['target_ref', 'created_at'],
      'environment_promotions_target_idx',
    );
  });
  await knex.schema.createTable('environment_promotion_locks', table => {
    table.comment(
      'One row per target environment while a promotion into it runs',
    );
    table.string('target_ref').primary().notNullable();
    table
      .string('holder', 36)
      .notNullable()
      .comment('Id of the promotion holding the lock');
    table.timestamp('expires_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('environment_promotion_locks');
  await knex.schema.dropTable('environment_promotions');
};
