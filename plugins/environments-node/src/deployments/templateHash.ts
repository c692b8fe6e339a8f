import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal templates give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as Record<string, unknown>)
      .sort()
      .filter(key => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        key =>
          `${JSON.stringify(key)}:${canonicalJson(
            (value as Record<string, unknown>)[key],
          )}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * SHA-256 (hex) of a CloudFormation template's content, whatever its formatting: the CDK
 * toolkit sends a template inline as YAML and CloudFormation gives it back as sent
 * (`GetTemplate`, `Original`), while the cloud assembly holds it as JSON; both parsed give the
 * same hash. Deployments are told apart by it.
 *
 * @public
 */
export function templateHash(template: unknown): string {
  return createHash('sha256').update(canonicalJson(template)).digest('hex');
}
