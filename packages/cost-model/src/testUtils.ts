/**
 * Test helpers: a stand-in for the AWS Price List Query API's `GetProducts` answering in the
 * documented Price List format, to put behind an HTTP-level fake (msw) of
 * `https://api.pricing.us-east-1.amazonaws.com/`.
 *
 * @packageDocumentation
 */

export { priceListItem, answerGetProducts } from './prices/priceListStandIn';
export type { PriceListItemSpec } from './prices/priceListStandIn';
