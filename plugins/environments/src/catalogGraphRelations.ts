import {
  RELATION_ENVIRONMENT_OF,
  RELATION_HAS_ENVIRONMENT,
  RELATION_PROMOTED_FROM,
  RELATION_PROMOTES_TO,
} from '@stageline/plugin-environments-common';

/**
 * The relations Stageline adds to the catalog, for the catalog graph's `knownRelations`.
 *
 * @public
 */
export const environmentRelations: string[] = [
  RELATION_HAS_ENVIRONMENT,
  RELATION_ENVIRONMENT_OF,
  RELATION_PROMOTES_TO,
  RELATION_PROMOTED_FROM,
];

/**
 * Stageline's relations as pairs of a relation and its inverse, for the catalog graph's
 * `knownRelationPairs` (so each shows as one edge).
 *
 * @public
 */
export const environmentRelationPairs: [string, string][] = [
  [RELATION_ENVIRONMENT_OF, RELATION_HAS_ENVIRONMENT],
  [RELATION_PROMOTES_TO, RELATION_PROMOTED_FROM],
];
