// @ts-check

/**
 * Prices read from the AWS Price List Query API, kept so estimates outside the bundled price
 * table need no API call and a scheduled task can refresh them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('environment_price_list_prices', table => {
    table.comment(
      'One answer of the AWS Price List Query API (GetProducts) per region and price query',
    );
    table.string('region', 32).notNullable();
    table
      .string('query_key', 64)
      .notNullable()
      .comment(
        'SHA-256 of the canonical query (service, filters, usage type, scale)',
      );
    table
      .text('query')
      .notNullable()
      .comment('The PriceListQuery as JSON, to ask again on refresh');
    table
      .text('label')
      .notNullable()
      .comment('Price table row, e.g. NAT gateway hour');
    table
      .double('usd')
      .nullable()
      .comment('USD per row unit; null when the API had no single price');
    table
      .text('source')
      .nullable()
      .comment('e.g. AWS Price List API AmazonEC2 SKU …');
    table.timestamp('fetched_at', { useTz: true }).notNullable();
    table.primary(['region', 'query_key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('environment_price_list_prices');
};
