/**
 * The commercial AWS regions (not China, GovCloud or the European Sovereign Cloud), which the
 * estimate accepts. Only {@link PRICED_REGIONS} are priced offline.
 *
 * @public
 */
export const COMMERCIAL_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-south-1',
  'me-central-1',
  'mx-central-1',
  'sa-east-1',
] as const;

/**
 * Checks that `region` is a commercial AWS region.
 *
 * @throws Error naming the region and what was expected
 * @public
 */
export function parseRegion(region: unknown): string {
  if (!(COMMERCIAL_REGIONS as readonly unknown[]).includes(region)) {
    throw new Error(
      `Invalid region ${JSON.stringify(
        region,
      )}: expected a commercial AWS region such as us-east-1 or eu-west-2`,
    );
  }
  return region as string;
}
