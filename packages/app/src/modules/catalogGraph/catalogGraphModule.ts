import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATIONS,
  ALL_RELATION_PAIRS,
  DefaultCatalogGraphApi,
  catalogGraphApiRef,
} from '@backstage/plugin-catalog-graph';
import {
  environmentRelationPairs,
  environmentRelations,
} from '@stageline/plugin-environments';

/**
 * Teaches the catalog graph Stageline's relations, so the relations card of a component shows
 * its environments and an environment's shows its component and promotion path.
 */
const catalogGraphApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogGraphApiRef,
      deps: {},
      factory: () =>
        new DefaultCatalogGraphApi({
          knownRelations: [...ALL_RELATIONS, ...environmentRelations],
          knownRelationPairs: [
            ...ALL_RELATION_PAIRS,
            ...environmentRelationPairs,
          ],
          defaultRelationTypes: { exclude: [] },
        }),
    }),
});

export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [catalogGraphApi],
});
