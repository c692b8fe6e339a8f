import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { isProviderPreview } from '@stageline/plugin-environments-node';

/**
 * Entity refs of the preview Environments in the catalog that came from a location rather than
 * from the provider: the provider does not emit a preview under a name one of them holds (the
 * catalog would refuse it as a conflict).
 */
export async function previewsRegisteredByHand(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Set<string>> {
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'Environment', 'spec.type': 'preview' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
      ],
    },
    { credentials },
  );
  return new Set(
    items
      .filter(entity => !isProviderPreview(entity))
      .map(entity => stringifyEntityRef(entity).toLocaleLowerCase('en-US')),
  );
}
