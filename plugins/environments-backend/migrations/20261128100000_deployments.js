// @ts-check

/**
 * Deployment history: every deploy, rollback and destroy the scaffolder actions carried out,
 * with what a rollback needs to deploy it again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('environment_deployments', table => {
    table.comment(
      'Every deploy, rollback and destroy of an environment stack: who, when, what, how it ended',
    );
    table
      .increments('seq')
      .comment('Insertion order, to sort records made in the same millisecond');
    table.string('id', 36).unique().notNullable();
    table.string('environment_ref').notNullable();
    table
      .string('action', 16)
      .notNullable()
      .comment('deploy, rollback or destroy');
    table.string('mode', 16).notNullable().comment('spec.deployment.mode');
    table.string('actor').notNullable();
    table.string('result', 16).notNullable().comment('succeeded or failed');
    table.string('stack_name').notNullable();
    table.string('stack_status', 64).nullable();
    table.string('commit_sha', 64).nullable();
    table
      .bigInteger('run_id')
      .nullable()
      .comment('Workflow run of a pipeline Environment');
    table.text('run_url').nullable();
    table
      .string('template_hash', 64)
      .nullable()
      .comment('SHA-256 of the deployed template, canonical JSON');
    table
      .string('restores', 36)
      .nullable()
      .comment('For a rollback: the id of the deployment it restored');
    table.string('task_id', 64).nullable();
    table.text('message').notNullable();
    table
      .text('snapshot')
      .nullable()
      .comment(
        'JSON DeploymentSnapshot: the cloud assembly stack and template, to deploy again',
      );
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.index(
      ['environment_ref', 'created_at'],
      'environment_deployments_environment_idx',
    );
    table.unique(['task_id', 'action', 'environment_ref'], {
      indexName: 'environment_deployments_task_uq',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('environment_deployments');
};
