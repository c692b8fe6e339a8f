import type { PricingClient } from '@aws-sdk/client-pricing';
import { GetProductsPage } from './priceListApi';

/**
 * `GetProducts` through the AWS SDK's Price List Query API client (endpoint us-east-1, the
 * default credential chain unless a client is given). The SDK is loaded on the first call, so
 * offline estimates never load it.
 *
 * @public
 */
export function awsGetProducts(client?: PricingClient): GetProductsPage {
  let pricing: PricingClient | undefined = client;
  return async input => {
    // Required lazily: the SDK is loaded only when the Price List API is used.
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-var-requires
    const sdk: typeof import('@aws-sdk/client-pricing') = require('@aws-sdk/client-pricing');
    pricing ??= new sdk.PricingClient({ region: 'us-east-1' });
    const output = await pricing.send(new sdk.GetProductsCommand(input));
    // Items arrive as JSON strings (or the SDK's lazy JSON strings, which print as the text).
    const items: unknown[] = Array.isArray(output.PriceList)
      ? output.PriceList
      : [];
    return {
      PriceList: items.map(item => String(item)),
      NextToken: output.NextToken,
    };
  };
}
