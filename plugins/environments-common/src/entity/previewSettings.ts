import type { EnvironmentScale } from '../constants';
import type { EnvironmentEntityV1alpha1 } from './EnvironmentEntityV1alpha1';

/** What `spec.previews` means when it leaves a field out. @public */
export const PREVIEW_DEFAULTS = { ttl: '72h', scale: 'hobby' } as const;

/** The shortest and longest `spec.previews.ttl` accepted. @public */
export const PREVIEW_TTL_LIMITS = { min: '1h', max: '90d' } as const;

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * A `spec.previews.ttl` (`90m`, `72h`, `3d`) in milliseconds; undefined when it is not one.
 *
 * @public
 */
export function parsePreviewTtl(ttl: string): number | undefined {
  const match = /^([1-9][0-9]{0,4})(m|h|d)$/.exec(ttl);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}

/**
 * An Environment's `spec.previews` with the defaults filled in; undefined when it does not
 * enable previews.
 *
 * @public
 */
export function previewSettingsOf(
  entity: Pick<EnvironmentEntityV1alpha1, 'spec'>,
): { ttl: string; ttlMs: number; scale: EnvironmentScale } | undefined {
  const previews = entity.spec.previews;
  if (!previews?.enabled) return undefined;
  const ttl = previews.ttl ?? PREVIEW_DEFAULTS.ttl;
  const ttlMs = parsePreviewTtl(ttl);
  if (ttlMs === undefined) return undefined;
  return { ttl, ttlMs, scale: previews.scale ?? PREVIEW_DEFAULTS.scale };
}

/**
 * The problems JSON Schema cannot say about `spec.previews`: previews are declared by the
 * Environment they are modelled on (never by a preview), need the region to deploy them in,
 * and a time to live within {@link PREVIEW_TTL_LIMITS}. One sentence each, naming the field.
 */
export function previewErrors(entity: EnvironmentEntityV1alpha1): string[] {
  const previews = entity.spec.previews;
  if (!previews) return [];
  const errors: string[] = [];
  if (entity.spec.type === 'preview') {
    errors.push(
      'spec.previews is not allowed on a preview Environment: declare previews on the Environment they are modelled on, e.g. staging',
    );
  }
  if (previews.ttl !== undefined) {
    const ttlMs = parsePreviewTtl(previews.ttl)!;
    const min = parsePreviewTtl(PREVIEW_TTL_LIMITS.min)!;
    const max = parsePreviewTtl(PREVIEW_TTL_LIMITS.max)!;
    if (ttlMs < min || ttlMs > max) {
      errors.push(
        `spec.previews.ttl must be between ${PREVIEW_TTL_LIMITS.min} and ${
          PREVIEW_TTL_LIMITS.max
        }; got ${JSON.stringify(previews.ttl)}`,
      );
    }
  }
  if (previews.enabled && !entity.spec.deployment?.region) {
    errors.push(
      'spec.deployment.region is required when spec.previews.enabled is true: previews are deployed and cleaned up in that region',
    );
  }
  return errors;
}
