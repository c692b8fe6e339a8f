export { repositoryOfComponent, repositoryKey } from './repositoryOfComponent';
export {
  readTrustedEnvironmentOwners,
  environmentOwnershipProblem,
  TRUSTED_ENVIRONMENT_OWNERS_KEY,
} from './environmentOwnership';
export { resolveComponentScope, componentRefOf } from './resolveComponentScope';
export type { ComponentScope } from './resolveComponentScope';
export { findEnvironmentsOfRepository } from './findEnvironmentsOfRepository';
export {
  assertRepositoryUncontested,
  componentsByRepository,
} from './assertRepositoryUncontested';
export { authorizeOnStackChange } from './authorizeOnStackChange';
export {
  readTrustedLocations,
  TRUSTED_LOCATIONS_KEY,
} from './trustedLocations';
export type { TrustedLocations } from './trustedLocations';
export { repositoryVouchingProblem } from './repositoryVouching';
export type { RepositoryVouchingOptions } from './repositoryVouching';
export {
  repositoryVouchingFromConfig,
  assertRepositoryVouched,
} from './vouchedRepository';
