import { Scale, parseScale } from '../stages';
import { enhancedHobbyProfile } from './enhancedHobby';
import { enterpriseProfile } from './enterprise';
import { hobbyProfile } from './hobby';
import { mergeScaleProfile } from './mergeOverrides';
import { ScaleProfile, ScaleProfileOverrides } from './ScaleProfile';
import { validateScaleProfile } from './validateScaleProfile';

export * from './ScaleProfile';
export { hobbyProfile } from './hobby';
export { enhancedHobbyProfile } from './enhancedHobby';
export { enterpriseProfile } from './enterprise';
export { mergeScaleProfile } from './mergeOverrides';
export { validateScaleProfile } from './validateScaleProfile';

/**
 * The built-in profile of each scale.
 *
 * @public
 */
export const SCALE_PROFILES: Readonly<Record<Scale, ScaleProfile>> = {
  hobby: hobbyProfile,
  'enhanced-hobby': enhancedHobbyProfile,
  enterprise: enterpriseProfile,
};

/**
 * The profile an environment runs with: the scale's built-in profile, the overrides applied,
 * then checked.
 *
 * @param scale - the scale
 * @param overrides - per-environment changes
 * @param zonesInRegion - how many zones the target region offers
 * @throws Error naming a bad scale, an unknown override field or an invalid value
 * @public
 */
export function resolveScaleProfile(
  scale: Scale,
  overrides: ScaleProfileOverrides | undefined,
  zonesInRegion: number,
): ScaleProfile {
  const base = SCALE_PROFILES[parseScale(scale)];
  const merged = mergeScaleProfile(
    base,
    overrides,
    Object.values(SCALE_PROFILES),
  );
  return validateScaleProfile(merged, zonesInRegion);
}
