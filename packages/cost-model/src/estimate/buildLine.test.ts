import { PriceQuote } from '../prices/priceBook';
import { unconfirmedPriceAssumptions } from './assumptions';
import { buildLine } from './buildLine';

/**
 * Since [Q] every estimate the table kept is superseded by a sourced price in the bundled
 * regions, so the handling of an unconfirmed price is checked on a quote of that quality.
 */
describe('a line that uses an unconfirmed price', () => {
  const quote = (quality: PriceQuote['quality']): PriceQuote => ({
    usd: 0.072,
    quality,
    label: 'RDS PostgreSQL db.t4g.small Multi-AZ',
    unit: 'h',
    source: '[T]; [D]; bill',
  });
  const resource = {
    logicalId: 'Db',
    type: 'AWS::RDS::DBInstance',
    properties: {},
  };
  const lineWith = (quality: PriceQuote['quality']) =>
    buildLine(
      resource,
      {
        components: [
          {
            description: 'instance',
            quantity: 1,
            hourly: true,
            quote: quote(quality),
          },
        ],
        missing: [],
        notes: [],
      },
      730,
      1,
    )!;

  it('is marked as an estimate and the assumptions name the price', () => {
    const line = lineWith('unconfirmed');
    expect(line.estimate).toBe(true);
    expect(line.basis).toBe(
      '1 instance × 730 h × $0.072/h (estimate: a price is unconfirmed)',
    );
    expect(unconfirmedPriceAssumptions([line], 'eu-west-2')).toEqual([
      'Estimated price (unconfirmed in the price table): RDS PostgreSQL db.t4g.small Multi-AZ ([T]; [D]; bill) in eu-west-2 at $0.072/h.',
    ]);
  });

  it('is not, with a sourced price', () => {
    const line = lineWith('secondary');
    expect(line.estimate).toBe(false);
    expect(unconfirmedPriceAssumptions([line], 'eu-west-2')).toEqual([]);
  });
});
