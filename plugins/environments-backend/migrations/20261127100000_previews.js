// @ts-check

/**
 * The previews the cleanup knows: each preview Environment of the preview provider, what it needs
 * to destroy its stack after the entity has left the catalog, and where its cleanup stands.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('environment_previews', table => {
    table.comment(
      'Preview environments and their cleanup: destroyed when the pull request closes, after the time to live without a push, or on request',
    );
    table.string('entity_ref').primary().notNullable();
    table.string('component_ref').notNullable();
    table
      .string('repository')
      .notNullable()
      .comment('owner/repo of the component');
    table.integer('pull_request').notNullable();
    table
      .text('environment')
      .notNullable()
      .comment('JSON of the preview Environment entity as last seen');
    table
      .string('fallback_branch')
      .nullable()
      .comment(
        'Branch of the Environment previews are modelled on: a pipeline destroy is dispatched there once the head branch is gone',
      );
    table.bigInteger('ttl_ms').notNullable();
    table.timestamp('last_push_at', { useTz: true }).notNullable();
    table.timestamp('opened_at', { useTz: true }).nullable();
    table.timestamp('last_seen_at', { useTz: true }).notNullable();
    table
      .string('state', 16)
      .notNullable()
      .comment('scheduled, requested, destroying, failed, destroyed');
    table.string('reason', 16).nullable().comment('closed, expired, requested');
    table.string('requested_by').nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table
      .text('checkpoints')
      .notNullable()
      .defaultTo('{}')
      .comment(
        'JSON: the steps of the current attempt that finished, so a resumed attempt never repeats one',
      );
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.timestamp('destroyed_at', { useTz: true }).nullable();
    table.text('run_url').nullable();
    table.index(['state'], 'environment_previews_state_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('environment_previews');
};
