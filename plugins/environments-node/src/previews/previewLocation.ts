import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import { PREVIEW_LOCATION_TYPE } from '@stageline/plugin-environments-common';

/**
 * The location (and location key) of the previews of a component: `stageline-previews:<ref>`.
 *
 * @public
 */
export function previewLocation(componentRef: string): string {
  return `${PREVIEW_LOCATION_TYPE}:${componentRef}`;
}

/**
 * Whether the entity was emitted by the catalog module's preview provider: its
 * `backstage.io/managed-by-location` is a `stageline-previews:` location, which the catalog
 * never lets an entity read from another location carry.
 *
 * @public
 */
export function isProviderPreview(entity: Entity): boolean {
  return (
    entity.metadata.annotations?.[ANNOTATION_LOCATION]?.startsWith(
      `${PREVIEW_LOCATION_TYPE}:`,
    ) ?? false
  );
}
