import { AWS_PRICES, PRICED_REGIONS, PriceRow } from './aws-prices';
import { quotePrice } from './priceBook';

function rows(value: unknown, path = 'AWS_PRICES'): Array<[string, PriceRow]> {
  if (typeof value !== 'object' || value === null) return [];
  if ('regions' in value && 'source' in value)
    return [[path, value as PriceRow]];
  return Object.entries(value).flatMap(([key, child]) =>
    rows(child, `${path}.${key}`),
  );
}

describe('the price table', () => {
  const all = rows(AWS_PRICES);

  it('has rows', () => {
    expect(all.length).toBeGreaterThan(60);
  });

  it.each(all)('%s cites a source and has sane prices', (_path, row) => {
    expect(row.source).toMatch(/PL|drv|\[[A-Z]\]/);
    expect(row.label).not.toBe('');
    for (const [region, point] of Object.entries(row.regions)) {
      expect(PRICED_REGIONS).toContain(region);
      expect(point!.usd).toBeGreaterThanOrEqual(0);
      expect(['list', 'derived', 'secondary', 'unconfirmed']).toContain(
        point!.quality,
      );
    }
  });

  it('keeps 730 hours a month and the 0.76 £/$ rate of the reference', () => {
    expect(AWS_PRICES.hoursPerMonth).toBe(730);
    expect(AWS_PRICES.usdToGbp).toBe(0.76);
  });

  it('quotes a price or says why there is none', () => {
    expect(quotePrice(AWS_PRICES.natGateway.hour, 'eu-west-2')).toMatchObject({
      usd: 0.05,
      quality: 'list',
      unit: 'h',
    });
    expect(
      quotePrice(
        AWS_PRICES.elastiCache.redisNodes['cache.r6g.large'],
        'eu-west-1',
      ),
    ).toBe(
      'no eu-west-1 price for ElastiCache cache.r6g.large Redis OSS in the price table',
    );
  });
});
