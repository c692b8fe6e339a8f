import type { DeploymentMode } from '../constants';

/** What a recorded stack operation did. @public */
export const DEPLOYMENT_ACTIONS = ['deploy', 'rollback', 'destroy'] as const;

/** @public */
export type DeploymentAction = (typeof DEPLOYMENT_ACTIONS)[number];

/** How a recorded stack operation ended. @public */
export type DeploymentResult = 'succeeded' | 'failed';

/**
 * One deploy, rollback or destroy of an environment's stack, as the scaffolder actions record it
 * in the environments backend (`GET /environments/:namespace/:name/deployments`).
 *
 * @public
 */
export interface DeploymentRecord {
  id: string;
  environmentRef: string;
  action: DeploymentAction;
  /** How the stack is deployed (`spec.deployment.mode` at the time). */
  mode: DeploymentMode;
  /** Entity ref of the user who started it. */
  actor: string;
  result: DeploymentResult;
  stackName: string;
  /** The stack's status when it ended, e.g. `UPDATE_COMPLETE`. */
  stackStatus?: string;
  /** The commit deployed (the run's head commit for a pipeline, the `stageline.dev/commit` tag otherwise). */
  commit?: string;
  /** The workflow run of a pipeline Environment, and its page. */
  runId?: number;
  runUrl?: string;
  /** SHA-256 of the deployed template (canonical JSON), for `reference` and `cdk-app` Environments. */
  templateHash?: string;
  /** For a rollback: the id of the deployment it restored; absent for a continued rollback. */
  restores?: string;
  /** The scaffolder task that did it. */
  taskId?: string;
  /** What happened, in one sentence. */
  message: string;
  /** Whether what was deployed is kept so that a rollback can deploy it again. */
  rollbackSnapshot: boolean;
  createdAt: string;
  finishedAt?: string;
}

/**
 * What a `reference` or `cdk-app` deployment deployed, kept so that a rollback can deploy it
 * again with the CDK toolkit library: the stack's cloud assembly artifact (without its asset
 * manifest: file assets stay in the bootstrap bucket under their content hash) and its template.
 *
 * @public
 */
export interface DeploymentSnapshot {
  /** The cloud assembly schema version of the manifest it came from. */
  manifestVersion: string;
  /** The stack artifact's id in that manifest. */
  artifactId: string;
  /** `aws://account/region` (`unknown-account`/`unknown-region` where the app left them open). */
  environment: string;
  /** The stack artifact's properties (`stackName`, roles, bootstrap requirements, …), without `templateFile`. */
  properties: Record<string, unknown>;
  /** The template deployed. */
  template: Record<string, unknown>;
  /** The stack tags it was deployed with. */
  tags: Record<string, string>;
}

/**
 * What a rollback of an environment would do now (`GET /environments/:namespace/:name/rollback`):
 *
 * - `continue-rollback`: the stack is `UPDATE_ROLLBACK_FAILED`; CloudFormation's rollback is
 *   continued (`ContinueUpdateRollback`);
 * - `rerun`: a `pipeline` Environment; the run of the previous successful deployment is run again,
 *   at its commit;
 * - `redeploy`: a `reference` or `cdk-app` Environment; the previous successful deployment's
 *   template is deployed again;
 * - `none`: nothing to roll back to, or the stack cannot be rolled back now (`message` says why).
 *
 * @public
 */
export interface RollbackPlan {
  kind: 'continue-rollback' | 'rerun' | 'redeploy' | 'none';
  environmentRef: string;
  mode: DeploymentMode;
  stackName: string;
  /** The stack's status, when AWS could read it. */
  stackStatus?: string;
  /** What runs now: its commit or template hash, and the deployment that put it there when known. */
  current?: {
    commit?: string;
    templateHash?: string;
    deploymentId?: string;
    /** `stack`: read from AWS; `history`: the last successful deployment (AWS not readable). */
    source: 'stack' | 'history';
  };
  /** The deployment a `rerun` or `redeploy` restores. */
  target?: DeploymentRecord;
  /** One sentence saying what would happen, or why nothing can. */
  message: string;
}
