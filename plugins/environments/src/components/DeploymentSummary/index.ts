export { DeploymentSummary } from './DeploymentSummary';
export { StackStatus } from './StackStatus';
