/**
 * Tests only: AWS at its HTTP edge (msw) — CloudFormation, STS, SSM, S3 and CloudTrail —
 * answering the real SDK clients in the services' wire formats, as their API references say.
 * Shared by the Stageline plugins' tests and benchmarks.
 *
 * @packageDocumentation
 */
export {
  AwsStandIn,
  ACCOUNT,
  REGION,
  DEPLOYER_KEYS,
  QUALIFIER,
} from './AwsStandIn';
export type { AwsRequest } from './AwsStandIn';
export { CloudFormationFake, TEMPLATE_BODY_LIMIT } from './CloudFormationFake';
export { EcsFake } from './EcsFake';
export type { StandInEcsService } from './EcsFake';
export { RdsFake } from './RdsFake';
export type { StandInDatabase } from './RdsFake';
export type { CloudFormationNeighbours } from './CloudFormationFake';
export type { ResourceFailure } from './stackOperations';
export type { Template, ResourceChange } from './templates';
export type * from './cloudFormationTypes';
export type { Identity } from './AwsIdentities';
