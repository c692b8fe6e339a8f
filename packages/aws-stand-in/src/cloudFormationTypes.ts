import type { ResourceChange, Template } from './templates';

export type Tag = { Key: string; Value: string };
export type Parameter = { ParameterKey: string; ParameterValue: string };
export type Output = {
  OutputKey: string;
  OutputValue: string;
  Description?: string;
};

/** A stack event, newest first in a stack's `events`, as DescribeStackEvents returns it. */
export type StoredEvent = {
  StackId: string;
  EventId: string;
  StackName: string;
  OperationId: string;
  LogicalResourceId: string;
  PhysicalResourceId: string;
  ResourceType: string;
  Timestamp: Date;
  ResourceStatus: string;
  ResourceStatusReason?: string;
  ClientRequestToken?: string;
};

/** One step of a running stack operation: the event it writes and what it changes. */
export type OperationStep = {
  logicalId: string;
  type: string;
  status: string;
  reason?: string;
  /** The stack's status from this step on, for steps on the stack itself. */
  stackStatus?: string;
  /** Applied when the step happens (new template in place, resources gone, …). */
  apply?: () => void;
  /**
   * The step starts an operation of its own, as a rollback does: its events carry a new
   * `OperationId`.
   */
  newOperation?: boolean;
};

export type StoredResource = { type: string; physicalId: string };

export type StoredStack = {
  stackId: string;
  stackName: string;
  region: string;
  account: string;
  status: string;
  statusReason?: string;
  creationTime: Date;
  lastUpdatedTime?: Date;
  deletionTime?: Date;
  templateBody?: string;
  template?: Template;
  parameters: Parameter[];
  tags: Tag[];
  capabilities: string[];
  outputs: Output[];
  roleArn?: string;
  terminationProtection: boolean;
  resources: Map<string, StoredResource>;
  /** Newest first. */
  events: StoredEvent[];
  /** Steps of the running operation still to happen. */
  pending: OperationStep[];
  operationId?: string;
  clientRequestToken?: string;
  /** The change set being executed, so its execution status follows the operation. */
  executing?: StoredChangeSet;
  /** What a failed rollback left to roll back (`UPDATE_ROLLBACK_FAILED`). */
  rollbackLeft?: {
    updated: Array<{ logicalId: string; type: string }>;
    added: Array<{ logicalId: string; type: string }>;
    /** The resources whose rollback failed: the only ones ResourcesToSkip may name. */
    failed: string[];
  };
  /** The template after transforms, when it has any (GetTemplate `Processed`). */
  processedTemplateBody?: string;
  /** Resources changed outside CloudFormation, by logical id (drift). */
  drift: Map<string, ResourceDrift>;
  /** Summary of the last drift detection that completed (DescribeStacks `DriftInformation`). */
  driftInformation: { StackDriftStatus: string; LastCheckTimestamp?: Date };
  /** The last drift detection that completed, whose results DescribeStackResourceDrifts gives. */
  latestDetection?: { timestamp: Date };
};

/** How a resource differs from its template, as someone changed it outside CloudFormation. */
export type ResourceDrift =
  | { status: 'DELETED' }
  | {
      status: 'MODIFIED';
      /** Property paths (`/Properties/MemorySize`) and their actual values; `undefined` removes. */
      actual: Record<string, unknown>;
    };

export type StoredChangeSet = {
  id: string;
  name: string;
  stack: StoredStack;
  type: 'CREATE' | 'UPDATE' | 'IMPORT';
  status: string;
  executionStatus: string;
  statusReason?: string;
  creationTime: Date;
  description?: string;
  templateBody: string;
  template: Template;
  parameters: Parameter[];
  tags: Tag[];
  capabilities: string[];
  roleArn?: string;
  changes: ResourceChange[];
  /** DescribeChangeSet looks it still answers CREATE_IN_PROGRESS to. */
  looksWhileCreating: number;
  includeNestedStacks?: boolean;
};
