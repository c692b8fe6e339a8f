/** Zones per region, from AWS's published lists; other regions are assumed to have 3. */
const ZONE_COUNTS: Record<string, number> = {
  'us-east-1': 6,
  'us-east-2': 3,
  'us-west-2': 4,
  'eu-west-1': 3,
  'eu-west-2': 3,
  'eu-west-3': 3,
  'eu-central-1': 3,
  'eu-north-1': 3,
};

const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-[0-9]$/;

/**
 * Checks the shape of an AWS region name (`eu-west-2`).
 *
 * @throws Error naming the bad value
 * @public
 */
export function parseRegion(value: unknown, field = 'region'): string {
  if (typeof value !== 'string' || !REGION_PATTERN.test(value)) {
    throw new Error(
      `Invalid ${field} ${JSON.stringify(
        value,
      )}: expected an AWS region name such as "eu-west-2"`,
    );
  }
  return value;
}

/**
 * How many availability zones a region offers, from a fixed table so that synthesis never
 * looks anything up. Regions not in the table count as 3, which every commercial region has.
 * The stack names its zones with `Fn::GetAZs`, so templates hard-code no zone names.
 *
 * @param region - an AWS region name
 * @public
 */
export function availabilityZoneCount(region: string): number {
  return ZONE_COUNTS[parseRegion(region)] ?? 3;
}
