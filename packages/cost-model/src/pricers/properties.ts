import { ResolvedResource } from '../template/resolveTemplate';
import { ResourceRef, Unresolved } from '../template/values';
import { CannotPrice, PricingContext } from './types';

function explain(key: string, value: unknown): never {
  const why =
    value instanceof Unresolved
      ? value.reason
      : `it is ${JSON.stringify(value)}`;
  throw new CannotPrice(`${key} cannot be read offline: ${why}`);
}

/**
 * A property that must be a number (numeric strings count), or `undefined` when absent.
 *
 * @throws CannotPrice when it is present but not a number
 * @public
 */
export function optionalNumber(
  properties: Record<string, unknown>,
  key: string,
): number | undefined {
  const value = properties[key];
  if (value === undefined) return undefined;
  const number =
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number))
    explain(key, value);
  return number;
}

/**
 * A property that must be a string, or `undefined` when absent.
 *
 * @throws CannotPrice when it is present but not a string
 * @public
 */
export function optionalString(
  properties: Record<string, unknown>,
  key: string,
): string | undefined {
  const value = properties[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number')
    explain(key, value);
  return String(value);
}

/**
 * A property that must be a string.
 *
 * @throws CannotPrice when it is absent or not a string
 * @public
 */
export function requiredString(
  properties: Record<string, unknown>,
  key: string,
): string {
  const value = optionalString(properties, key);
  if (value === undefined) throw new CannotPrice(`${key} is not set`);
  return value;
}

/**
 * A boolean property (`true`/`"true"`), `fallback` when absent.
 *
 * @throws CannotPrice when it cannot be read
 * @public
 */
export function optionalBoolean(
  properties: Record<string, unknown>,
  key: string,
  fallback: boolean,
): boolean {
  const value = properties[key];
  if (value === undefined) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return explain(key, value);
}

/**
 * How many items a list property has, whatever the items are; `undefined` when absent.
 *
 * @throws CannotPrice when it is present but not a list
 * @public
 */
export function listLength(
  properties: Record<string, unknown>,
  key: string,
): number | undefined {
  const value = properties[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) explain(key, value);
  return value.length;
}

/**
 * The resource a value points to (`Ref` or `Fn::GetAtt`), if it is in the template.
 *
 * @public
 */
export function referencedResource(
  value: unknown,
  context: PricingContext,
): ResolvedResource | undefined {
  const id =
    value instanceof ResourceRef || value instanceof Unresolved
      ? value.logicalId
      : undefined;
  return id === undefined ? undefined : context.template.byId.get(id);
}

/**
 * A plain object property, `{}` when absent.
 *
 * @public
 */
export function objectProperty(
  properties: Record<string, unknown>,
  key: string,
): Record<string, unknown> {
  const value = properties[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
