import { ScaleProfile, ScaleProfileOverrides } from './ScaleProfile';

type Section = Record<string, unknown>;

const DISCRIMINATORS: Record<string, string> = {
  compute: 'kind',
  database: 'provider',
  cache: 'provider',
};

function isPlainObject(value: unknown): value is Section {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertKnownKeys(override: Section, reference: Section, path: string) {
  for (const key of Object.keys(override)) {
    if (!(key in reference)) {
      throw new Error(
        `Unknown scale profile override ${path}.${key}: expected one of ${Object.keys(
          reference,
        ).join(', ')}`,
      );
    }
  }
}

function mergeSection(base: Section, override: Section, path: string): Section {
  assertKnownKeys(override, base, path);
  const merged: Section = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    merged[key] =
      isPlainObject(value) && isPlainObject(base[key])
        ? mergeSection(base[key] as Section, value, `${path}.${key}`)
        : value;
  }
  return merged;
}

/**
 * Applies per-environment overrides to a scale profile. Returns a new profile; neither input
 * changes. A `compute`, `database` or `cache` override whose `kind`/`provider` differs from
 * the base replaces the whole section (it is not mixed with the other kind's fields).
 * The result still needs `validateScaleProfile`.
 *
 * @param base - the profile of the scale
 * @param overrides - the changes
 * @param references - sections of every kind, used to reject unknown field names in a
 *   replacing section
 * @throws Error naming an unknown section or field
 * @public
 */
export function mergeScaleProfile(
  base: ScaleProfile,
  overrides: ScaleProfileOverrides | undefined,
  references: readonly ScaleProfile[] = [],
): ScaleProfile {
  if (!overrides) return base;
  if (!isPlainObject(overrides)) {
    throw new Error(
      `Invalid scale profile overrides ${JSON.stringify(
        overrides,
      )}: expected an object`,
    );
  }
  const merged: Section = { ...base };
  const baseSections = base as unknown as Record<string, Section>;
  for (const [name, override] of Object.entries(overrides as Section)) {
    if (override === undefined) continue;
    const baseSection = baseSections[name];
    if (name === 'scale' || !isPlainObject(baseSection)) {
      throw new Error(
        `Unknown scale profile override section "${name}": expected one of ${Object.keys(
          base,
        )
          .filter(key => isPlainObject(baseSections[key]))
          .join(', ')}`,
      );
    }
    if (!isPlainObject(override)) {
      throw new Error(
        `Invalid scale profile override ${name} ${JSON.stringify(
          override,
        )}: expected an object`,
      );
    }
    const discriminator = DISCRIMINATORS[name];
    const switched =
      discriminator !== undefined &&
      override[discriminator] !== undefined &&
      override[discriminator] !== baseSection[discriminator];
    if (switched) {
      const reference = references
        .map(profile => (profile as unknown as Record<string, Section>)[name])
        .find(section => section[discriminator] === override[discriminator]);
      if (reference) assertKnownKeys(override, reference, name);
      merged[name] = { ...override };
    } else {
      merged[name] = mergeSection(baseSection, override, name);
    }
  }
  return merged as unknown as ScaleProfile;
}
