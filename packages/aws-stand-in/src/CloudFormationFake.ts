import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type {
  Output,
  Parameter,
  StoredChangeSet,
  StoredStack,
  Tag,
} from './cloudFormationTypes';
import { QueryError, validationError } from './queryProtocol';
import { DriftDetections } from './driftDetection';
import {
  continueRollbackSteps,
  deletionSteps,
  executionSteps,
  ResourceFailure,
} from './stackOperations';
import {
  evaluateCondition,
  parseTemplate,
  resourceChanges,
  Template,
} from './templates';

/** CloudFormation's limit for `TemplateBody` ("CloudFormation quotas" in the User Guide). */
export const TEMPLATE_BODY_LIMIT = 51_200;

const NO_CHANGES =
  "The submitted information didn't contain changes. Submit different information to create a change set.";
const IAM_TYPES =
  /^AWS::IAM::(Role|Policy|ManagedPolicy|User|Group|InstanceProfile|AccessKey)$/;

/** What the fake needs from the other services of the account. */
export type CloudFormationNeighbours = {
  /** The body of an object behind a TemplateURL, or undefined when there is none. */
  readTemplateUrl(url: string): string | undefined;
  /** An SSM parameter's value, for `AWS::SSM::Parameter::Value<String>` parameters. */
  ssmParameter(name: string): string | undefined;
};

type Params = Record<string, any>;

/** A query list parameter: `Name.member.N` entries, or `Name=` for an empty list. */
function list<T>(value: T[] | string | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

function isInProgress(status: string): boolean {
  return status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS';
}

/**
 * CloudFormation in one account and region, as the AWS CloudFormation API Reference describes
 * it: stacks, change sets that CloudFormation works out in the background
 * (`CREATE_IN_PROGRESS` until described `looksWhileCreating` times, then `CREATE_COMPLETE`, or
 * `FAILED` when they change nothing), stack operations that advance `stepsPerLook` events per
 * `DescribeStacks` and write events newest first, paged by `DescribeStackEvents`.
 */
export class CloudFormationFake {
  readonly stacks: StoredStack[] = [];
  readonly changeSets: StoredChangeSet[] = [];
  /** How many times a new change set is described as `CREATE_IN_PROGRESS`. */
  looksWhileCreating = 1;
  /** How many events a running operation writes per `DescribeStacks` of its stack. */
  stepsPerLook = 3;
  /** Events per `DescribeStackEvents` page. */
  eventsPageSize = 10;
  /** Stacks per page of `DescribeStacks` without a stack name. */
  describeStacksPageSize = 100;
  /** Changes per `DescribeChangeSet` page. */
  changesPageSize = 100;
  /** Drift detections of the account and region's stacks. */
  readonly driftDetections = new DriftDetections();
  readonly #failures = new Map<string, ResourceFailure>();
  readonly #outputs = new Map<string, Record<string, string>>();
  #lastTimestamp = 0;

  constructor(
    readonly region: string,
    readonly account: string,
    private readonly neighbours: CloudFormationNeighbours,
  ) {}

  // --- scenario helpers -------------------------------------------------------------------

  /** A stack that already exists, created from `templateBody` some time ago. */
  seedStack(
    stackName: string,
    templateBody: string,
    options: {
      status?: string;
      tags?: Tag[];
      parameters?: Parameter[];
      outputs?: Record<string, string>;
      /** The template after its transforms (GetTemplate `Processed`), for a template with some. */
      processedTemplateBody?: string;
    } = {},
  ): StoredStack {
    const stack = this.#newStack(stackName, 'CREATE_IN_PROGRESS');
    const template = parseTemplate(templateBody);
    stack.templateBody = templateBody;
    stack.processedTemplateBody = options.processedTemplateBody;
    stack.template = template;
    stack.tags = options.tags ?? [];
    stack.parameters = options.parameters ?? [];
    if (options.outputs) this.#outputs.set(stackName, options.outputs);
    const operationId = randomUUID();
    stack.operationId = operationId;
    this.#event(
      stack,
      stackName,
      'AWS::CloudFormation::Stack',
      'CREATE_IN_PROGRESS',
      'User Initiated',
    );
    for (const [logicalId, resource] of Object.entries(
      template.Resources ?? {},
    )) {
      stack.resources.set(logicalId, {
        type: resource.Type,
        physicalId: this.#physicalId(stackName, logicalId, resource.Type),
      });
      this.#event(stack, logicalId, resource.Type, 'CREATE_COMPLETE');
    }
    stack.status = options.status ?? 'CREATE_COMPLETE';
    this.#event(stack, stackName, 'AWS::CloudFormation::Stack', stack.status);
    stack.outputs = this.#outputsFor(stack);
    return stack;
  }

  /** The next operation on the stack fails at this resource. */
  failNext(stackName: string, failure: ResourceFailure): void {
    this.#failures.set(stackName, failure);
  }

  /**
   * Someone changes a resource of the stack outside CloudFormation (the console, the CLI): its
   * properties at these paths (`/Properties/MemorySize`) now have these values (`undefined`
   * removes one), or it was deleted. Drift detection finds it.
   */
  driftResource(
    stackName: string,
    logicalId: string,
    drift:
      | { status: 'DELETED' }
      | { status: 'MODIFIED'; actual: Record<string, unknown> },
  ): void {
    this.#live(stackName).drift.set(logicalId, drift);
  }

  /** The values of the stack's outputs once its next operation succeeds. */
  setOutputs(stackName: string, outputs: Record<string, string>): void {
    this.#outputs.set(stackName, outputs);
  }

  /**
   * Someone else updates the stack directly (`UpdateStack`, e.g. `cdk deploy --method=direct`):
   * its change sets become `OBSOLETE` ("Viewing a change set" in the User Guide).
   */
  updateOutOfBand(stackName: string, templateBody: string): void {
    const stack = this.#live(stackName);
    stack.templateBody = templateBody;
    stack.template = parseTemplate(templateBody);
    stack.lastUpdatedTime = this.#now();
    stack.operationId = randomUUID();
    this.#event(
      stack,
      stackName,
      'AWS::CloudFormation::Stack',
      'UPDATE_IN_PROGRESS',
      'User Initiated',
    );
    stack.status = 'UPDATE_COMPLETE';
    this.#event(
      stack,
      stackName,
      'AWS::CloudFormation::Stack',
      'UPDATE_COMPLETE',
    );
    for (const changeSet of this.changeSets) {
      if (
        changeSet.stack === stack &&
        changeSet.executionStatus === 'AVAILABLE'
      ) {
        changeSet.executionStatus = 'OBSOLETE';
      }
    }
  }

  /**
   * Someone else (e.g. a service's pipeline running `cdk deploy`) starts updating the stack to
   * `templateBody` through a change set, with `tags` when given (else the stack's own); the
   * operation then runs as the stack is looked at.
   */
  startUpdate(stackName: string, templateBody: string, tags?: Tag[]): void {
    const looks = this.looksWhileCreating;
    this.looksWhileCreating = 0;
    try {
      const { Id } = this.createChangeSet({
        StackName: stackName,
        ChangeSetName: `cdk-deploy-change-set-${randomUUID().slice(0, 8)}`,
        TemplateBody: templateBody,
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
        ...(tags ? { Tags: tags } : {}),
      });
      this.executeChangeSet({ ChangeSetName: Id });
    } finally {
      this.looksWhileCreating = looks;
    }
  }

  /** Someone else starts deleting the stack (e.g. a pipeline running `cdk destroy`). */
  startDelete(stackName: string): void {
    this.deleteStack({ StackName: stackName });
  }

  /** The template of the live stack of that name, parsed, for assertions. */
  templateOf(stackName: string): Template | undefined {
    const body = this.stack(stackName)?.templateBody;
    return body === undefined ? undefined : parseTemplate(body);
  }

  /** The live stack of that name, for assertions. */
  stack(stackName: string): StoredStack | undefined {
    return this.stacks.find(
      s => s.stackName === stackName && s.status !== 'DELETE_COMPLETE',
    );
  }

  // --- actions ----------------------------------------------------------------------------

  /**
   * One stack by name or id; without one, every live stack of the account and region, paged
   * (`describeStacksPageSize` a page, `NextToken` for the next).
   */
  describeStacks(params: Params) {
    if (params.StackName) {
      const stack = this.#find(params.StackName);
      this.#advance(stack);
      return { Stacks: [this.#describe(stack)] };
    }
    const live = this.stacks.filter(s => s.status !== 'DELETE_COMPLETE');
    const start = Number(params.NextToken ?? 0);
    if (!Number.isInteger(start) || start < 0 || start > live.length) {
      throw validationError('Invalid NextToken');
    }
    const page = live.slice(start, start + this.describeStacksPageSize);
    for (const stack of page) this.#advance(stack);
    const end = start + page.length;
    return {
      Stacks: page.map(stack => this.#describe(stack)),
      NextToken: end < live.length ? String(end) : undefined,
    };
  }

  describeStackEvents(params: Params) {
    const stack = this.#find(params.StackName);
    let start = 0;
    if (params.NextToken) {
      const anchor = Buffer.from(params.NextToken, 'base64').toString();
      start = stack.events.findIndex(e => e.EventId === anchor);
      if (start < 0) throw validationError('Invalid NextToken');
    }
    const page = stack.events.slice(start, start + this.eventsPageSize);
    const next = stack.events[start + this.eventsPageSize];
    return {
      StackEvents: page,
      NextToken: next
        ? Buffer.from(next.EventId).toString('base64')
        : undefined,
    };
  }

  getTemplate(params: Params) {
    if (params.ChangeSetName) {
      const changeSet = this.#findChangeSet(
        params.ChangeSetName,
        params.StackName,
      );
      return {
        TemplateBody: changeSet.templateBody,
        StagesAvailable: ['Original', 'Processed'],
      };
    }
    const stack = this.#find(params.StackName);
    // "If the template doesn't include transforms, Original and Processed return the same
    // template. By default, CloudFormation specifies Processed." (GetTemplate, TemplateStage)
    const transformed =
      params.TemplateStage !== 'Original' && !!stack.template?.Transform;
    if (transformed && stack.processedTemplateBody === undefined) {
      throw new Error(
        `The AWS stand-in cannot process the transforms of ${stack.stackName}: seed it with processedTemplateBody`,
      );
    }
    return {
      TemplateBody: transformed
        ? stack.processedTemplateBody
        : stack.templateBody,
      StagesAvailable: ['Original', 'Processed'],
    };
  }

  getTemplateSummary(params: Params) {
    const template = params.StackName
      ? this.#find(params.StackName).template ?? {}
      : parseTemplate(this.#templateBodyOf(params));
    return {
      Parameters: Object.entries(template.Parameters ?? {}).map(([key, p]) => ({
        ParameterKey: key,
        ParameterType: p.Type,
        DefaultValue: p.Default,
        NoEcho: false,
      })),
      ResourceTypes: [
        ...new Set(Object.values(template.Resources ?? {}).map(r => r.Type)),
      ],
      Version: '2010-09-09',
    };
  }

  describeStackResources(params: Params) {
    const stack = this.#find(params.StackName);
    return {
      StackResources: [...stack.resources]
        .filter(
          ([id]) =>
            !params.LogicalResourceId || id === params.LogicalResourceId,
        )
        .map(([logicalId, resource]) => ({
          StackName: stack.stackName,
          StackId: stack.stackId,
          LogicalResourceId: logicalId,
          PhysicalResourceId: resource.physicalId,
          ResourceType: resource.type,
          Timestamp: stack.lastUpdatedTime ?? stack.creationTime,
          ResourceStatus: 'CREATE_COMPLETE',
        })),
    };
  }

  listStackResources(params: Params) {
    const stack = this.#find(params.StackName);
    return {
      StackResourceSummaries: [...stack.resources].map(
        ([logicalId, resource]) => ({
          LogicalResourceId: logicalId,
          PhysicalResourceId: resource.physicalId,
          ResourceType: resource.type,
          LastUpdatedTimestamp: stack.lastUpdatedTime ?? stack.creationTime,
          ResourceStatus: 'CREATE_COMPLETE',
        }),
      ),
    };
  }

  createChangeSet(params: Params) {
    const name: string = params.ChangeSetName;
    if (!/^[a-zA-Z][-a-zA-Z0-9]*$/.test(name ?? '')) {
      throw validationError(
        `1 validation error detected: Value '${name}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
      );
    }
    const type = params.ChangeSetType ?? 'UPDATE';
    const templateBody = this.#templateBodyOf(params);
    const template = parseTemplate(templateBody);
    this.#checkCapabilities(template, list(params.Capabilities));
    const parameters = this.#resolveParameters(
      template,
      list(params.Parameters),
    );
    let stack = this.stack(params.StackName) ?? this.#byId(params.StackName);
    if (type === 'CREATE') {
      if (stack && stack.status !== 'REVIEW_IN_PROGRESS') {
        throw validationError(
          `Stack [${stack.stackName}] already exists and cannot be created again with the changeSet [${name}].`,
        );
      }
      if (!stack) {
        stack = this.#newStack(params.StackName, 'REVIEW_IN_PROGRESS');
        stack.operationId = randomUUID();
        this.#event(
          stack,
          stack.stackName,
          'AWS::CloudFormation::Stack',
          'REVIEW_IN_PROGRESS',
          'User Initiated',
        );
      }
    } else {
      if (!stack || stack.status === 'REVIEW_IN_PROGRESS') {
        throw validationError(`Stack [${params.StackName}] does not exist`);
      }
      if (
        isInProgress(stack.status) ||
        /^(ROLLBACK_COMPLETE|ROLLBACK_FAILED|DELETE_FAILED)$/.test(stack.status)
      ) {
        throw validationError(
          `Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`,
        );
      }
    }
    if (this.changeSets.some(c => c.stack === stack && c.name === name)) {
      throw new QueryError(
        'AlreadyExistsException',
        `ChangeSet ${name} already exists`,
      );
    }
    const tags: Tag[] =
      params.Tags === undefined ? stack.tags : list(params.Tags);
    const target = stack;
    const changes = resourceChanges(
      type === 'CREATE' ? undefined : stack.template,
      template,
      logicalId => target.resources.get(logicalId)?.physicalId,
    );
    if (type !== 'CREATE' && !isDeepStrictEqual(tags, stack.tags)) {
      for (const logicalId of Object.keys(template.Resources ?? {})) {
        if (changes.some(c => c.LogicalResourceId === logicalId)) continue;
        changes.push({
          Action: 'Modify',
          LogicalResourceId: logicalId,
          ResourceType: template.Resources![logicalId].Type,
          PhysicalResourceId: target.resources.get(logicalId)?.physicalId,
          Replacement: 'False',
          Scope: ['Tags'],
          Details: [
            {
              Target: { Attribute: 'Tags', RequiresRecreation: 'Never' },
              Evaluation: 'Static',
              ChangeSource: 'DirectModification',
            },
          ],
        });
      }
    }
    const changeSet: StoredChangeSet = {
      id: `arn:aws:cloudformation:${this.region}:${
        this.account
      }:changeSet/${name}/${randomUUID()}`,
      name,
      stack,
      type,
      status: 'CREATE_IN_PROGRESS',
      executionStatus: 'UNAVAILABLE',
      creationTime: this.#now(),
      description: params.Description,
      templateBody,
      template,
      parameters,
      tags,
      capabilities: list(params.Capabilities),
      roleArn: params.RoleARN,
      changes,
      looksWhileCreating: this.looksWhileCreating,
      includeNestedStacks: params.IncludeNestedStacks === 'true',
    };
    if (changeSet.looksWhileCreating <= 0) this.#settle(changeSet);
    this.changeSets.push(changeSet);
    return { Id: changeSet.id, StackId: stack.stackId };
  }

  describeChangeSet(params: Params) {
    const changeSet = this.#findChangeSet(
      params.ChangeSetName,
      params.StackName,
    );
    if (!params.NextToken && changeSet.status === 'CREATE_IN_PROGRESS') {
      changeSet.looksWhileCreating -= 1;
      if (changeSet.looksWhileCreating < 0) this.#settle(changeSet);
    }
    const creating = changeSet.status === 'CREATE_IN_PROGRESS';
    const start = Number(params.NextToken ?? 0);
    const changes = creating ? [] : changeSet.changes;
    const end = start + this.changesPageSize;
    return {
      ChangeSetName: changeSet.name,
      ChangeSetId: changeSet.id,
      StackId: changeSet.stack.stackId,
      StackName: changeSet.stack.stackName,
      Description: changeSet.description,
      Parameters: changeSet.parameters,
      CreationTime: changeSet.creationTime,
      ExecutionStatus: changeSet.executionStatus,
      Status: changeSet.status,
      StatusReason: changeSet.statusReason,
      NotificationARNs: [],
      RollbackConfiguration: {},
      Capabilities: changeSet.capabilities,
      Tags: changeSet.tags,
      Changes: changes.slice(start, end).map(ResourceChange => ({
        Type: 'Resource',
        HookInvocationCount: 0,
        ResourceChange,
      })),
      NextToken: end < changes.length ? String(end) : undefined,
      IncludeNestedStacks: changeSet.includeNestedStacks,
    };
  }

  listChangeSets(params: Params) {
    const stack = this.#find(params.StackName);
    return {
      Summaries: this.changeSets
        .filter(c => c.stack === stack)
        .map(c => ({
          StackId: stack.stackId,
          StackName: stack.stackName,
          ChangeSetId: c.id,
          ChangeSetName: c.name,
          ExecutionStatus: c.executionStatus,
          Status: c.status,
          StatusReason: c.statusReason,
          CreationTime: c.creationTime,
          Description: c.description,
          IncludeNestedStacks: c.includeNestedStacks,
        })),
    };
  }

  deleteChangeSet(params: Params) {
    if (!params.ChangeSetName?.startsWith('arn:')) {
      const stack =
        this.stack(params.StackName) ?? this.#byId(params.StackName);
      if (!stack)
        throw validationError(`Stack [${params.StackName}] does not exist`);
      if (
        !this.changeSets.some(
          c => c.stack === stack && c.name === params.ChangeSetName,
        )
      ) {
        return {};
      }
    }
    const changeSet = this.#findChangeSet(
      params.ChangeSetName,
      params.StackName,
    );
    if (
      changeSet.status === 'CREATE_IN_PROGRESS' ||
      changeSet.status === 'CREATE_PENDING' ||
      changeSet.executionStatus === 'EXECUTE_IN_PROGRESS'
    ) {
      throw new QueryError(
        'InvalidChangeSetStatus',
        `Cannot delete ChangeSet in status ${
          changeSet.executionStatus === 'EXECUTE_IN_PROGRESS'
            ? changeSet.executionStatus
            : changeSet.status
        }`,
      );
    }
    this.#removeChangeSets(c => c === changeSet);
    return {};
  }

  executeChangeSet(params: Params) {
    const changeSet = this.#findChangeSet(
      params.ChangeSetName,
      params.StackName,
    );
    const { stack } = changeSet;
    if (
      changeSet.status !== 'CREATE_COMPLETE' ||
      changeSet.executionStatus !== 'AVAILABLE'
    ) {
      throw new QueryError(
        'InvalidChangeSetStatus',
        `ChangeSet [${changeSet.id}] cannot be executed in its current status of [${changeSet.status}] and execution status of [${changeSet.executionStatus}]`,
      );
    }
    if (isInProgress(stack.status)) {
      throw new QueryError(
        'InvalidChangeSetStatus',
        `Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`,
      );
    }
    // "When you execute a change set, CloudFormation deletes all other change sets associated
    // with the stack" (ExecuteChangeSet, API Reference).
    this.#removeChangeSets(c => c.stack === stack && c !== changeSet);
    changeSet.executionStatus = 'EXECUTE_IN_PROGRESS';
    stack.executing = changeSet;
    stack.operationId = randomUUID();
    stack.clientRequestToken = params.ClientRequestToken;
    const failure = this.#failures.get(stack.stackName);
    this.#failures.delete(stack.stackName);
    stack.pending = executionSteps(
      changeSet,
      failure,
      logicalId =>
        this.#physicalId(
          stack.stackName,
          logicalId,
          changeSet.template.Resources?.[logicalId]?.Type,
        ),
      () => {
        stack.templateBody = changeSet.templateBody;
        stack.template = changeSet.template;
        stack.parameters = changeSet.parameters;
        stack.tags = changeSet.tags;
        stack.capabilities = changeSet.capabilities;
        stack.roleArn = changeSet.roleArn;
        stack.lastUpdatedTime =
          changeSet.type === 'CREATE' ? undefined : this.#now();
        stack.outputs = this.#outputsFor(stack);
      },
    );
    if (changeSet.type === 'CREATE') {
      stack.templateBody = changeSet.templateBody;
      stack.template = changeSet.template;
    }
    return {};
  }

  deleteStack(params: Params) {
    const stack = this.stack(params.StackName) ?? this.#byId(params.StackName);
    if (
      !stack ||
      stack.status === 'DELETE_COMPLETE' ||
      stack.status === 'DELETE_IN_PROGRESS'
    ) {
      return undefined;
    }
    if (stack.terminationProtection) {
      throw validationError(
        `Stack [${stack.stackName}] cannot be deleted while TerminationProtection is enabled`,
      );
    }
    if (isInProgress(stack.status)) {
      throw validationError(
        `Stack [${stack.stackName}] cannot be deleted while in status ${stack.status}`,
      );
    }
    this.#removeChangeSets(c => c.stack === stack);
    stack.operationId = randomUUID();
    stack.clientRequestToken = params.ClientRequestToken;
    const failure = this.#failures.get(stack.stackName);
    this.#failures.delete(stack.stackName);
    stack.pending = deletionSteps(stack, failure, () => {
      stack.deletionTime = this.#now();
    });
    return undefined;
  }

  continueUpdateRollback(params: Params) {
    const stack = this.#find(params.StackName);
    if (stack.status !== 'UPDATE_ROLLBACK_FAILED') {
      // The API works only on a stack in UPDATE_ROLLBACK_FAILED (ContinueUpdateRollback); the
      // wording follows CloudFormation's refusals of other operations in the wrong state.
      throw validationError(
        `Stack:${stack.stackId} is in ${stack.status} state and can not continue update rollback.`,
      );
    }
    const skip: string[] = list(params.ResourcesToSkip);
    const skippable = stack.rollbackLeft?.failed ?? [];
    const wrong = skip.filter(id => !skippable.includes(id));
    if (wrong.length) {
      // "You can specify only resources that are in the UPDATE_FAILED state because a rollback
      // failed" (ContinueUpdateRollback, ResourcesToSkip).
      throw validationError(
        `Resources [${wrong.join(
          ', ',
        )}] cannot be skipped: only resources whose rollback failed can be skipped`,
      );
    }
    stack.operationId = randomUUID();
    stack.clientRequestToken = params.ClientRequestToken;
    if (params.RoleARN) stack.roleArn = params.RoleARN;
    const failure = this.#failures.get(stack.stackName);
    this.#failures.delete(stack.stackName);
    stack.pending = continueRollbackSteps(stack, skip, failure);
    return {};
  }

  detectStackDrift(params: Params) {
    const stack = this.#find(params.StackName);
    return this.driftDetections.start(stack, this.#now());
  }

  describeStackDriftDetectionStatus(params: Params) {
    return this.driftDetections.status(params);
  }

  describeStackResourceDrifts(params: Params) {
    return this.driftDetections.resourceDrifts(
      this.#find(params.StackName),
      params,
    );
  }

  updateTerminationProtection(params: Params) {
    const stack = this.#find(params.StackName);
    stack.terminationProtection = params.EnableTerminationProtection === 'true';
    return { StackId: stack.stackId };
  }

  listHookResults() {
    return { HookResults: [] };
  }

  // --- internals --------------------------------------------------------------------------

  #now(): Date {
    this.#lastTimestamp = Math.max(Date.now(), this.#lastTimestamp + 1);
    return new Date(this.#lastTimestamp);
  }

  #newStack(stackName: string, status: string): StoredStack {
    const stack: StoredStack = {
      stackId: `arn:aws:cloudformation:${this.region}:${
        this.account
      }:stack/${stackName}/${randomUUID()}`,
      stackName,
      region: this.region,
      account: this.account,
      status,
      creationTime: this.#now(),
      parameters: [],
      tags: [],
      capabilities: [],
      outputs: [],
      terminationProtection: false,
      resources: new Map(),
      events: [],
      pending: [],
      drift: new Map(),
      driftInformation: { StackDriftStatus: 'NOT_CHECKED' },
    };
    this.stacks.push(stack);
    return stack;
  }

  /**
   * A resource's physical id as CloudFormation gives it: a name with a random suffix; for an ECS
   * service its ARN (in a cluster named after the stack), for RDS a lower-case identifier.
   */
  #physicalId(stackName: string, logicalId: string, type?: string): string {
    const suffix = randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase();
    const name = `${`${stackName}-${logicalId}`.slice(0, 50)}-${suffix}`;
    if (type === 'AWS::ECS::Service') {
      return `arn:aws:ecs:${this.region}:${this.account}:service/${stackName}-Cluster/${name}`;
    }
    if (type === 'AWS::RDS::DBInstance' || type === 'AWS::RDS::DBCluster') {
      return name.toLocaleLowerCase('en-US');
    }
    return name;
  }

  #event(
    stack: StoredStack,
    logicalId: string,
    type: string,
    status: string,
    reason?: string,
  ) {
    const timestamp = this.#now();
    const onStack = type === 'AWS::CloudFormation::Stack';
    stack.events.unshift({
      StackId: stack.stackId,
      EventId: onStack
        ? randomUUID()
        : `${logicalId}-${status}-${timestamp.toISOString()}`,
      StackName: stack.stackName,
      OperationId: stack.operationId ?? randomUUID(),
      LogicalResourceId: logicalId,
      PhysicalResourceId: onStack
        ? stack.stackId
        : stack.resources.get(logicalId)?.physicalId ?? '',
      ResourceType: type,
      Timestamp: timestamp,
      ResourceStatus: status,
      ...(reason ? { ResourceStatusReason: reason } : {}),
      ...(stack.clientRequestToken
        ? { ClientRequestToken: stack.clientRequestToken }
        : {}),
    });
  }

  /** Runs the next steps of the stack's operation. */
  #advance(stack: StoredStack) {
    for (let i = 0; i < this.stepsPerLook && stack.pending.length; i++) {
      const step = stack.pending.shift()!;
      if (step.newOperation) stack.operationId = randomUUID();
      step.apply?.();
      this.#event(stack, step.logicalId, step.type, step.status, step.reason);
      if (step.stackStatus) {
        stack.status = step.stackStatus;
        stack.statusReason = step.reason;
      }
    }
    const executing = stack.executing;
    if (executing && !stack.pending.length) {
      executing.executionStatus = /^(CREATE|UPDATE)_COMPLETE$/.test(
        stack.status,
      )
        ? 'EXECUTE_COMPLETE'
        : 'EXECUTE_FAILED';
      stack.executing = undefined;
    }
  }

  #describe(stack: StoredStack) {
    return {
      StackId: stack.stackId,
      StackName: stack.stackName,
      Parameters: stack.parameters,
      CreationTime: stack.creationTime,
      DeletionTime: stack.deletionTime,
      LastUpdatedTime: stack.lastUpdatedTime,
      RollbackConfiguration: {},
      StackStatus: stack.status,
      StackStatusReason: stack.statusReason,
      DisableRollback: false,
      NotificationARNs: [],
      Capabilities: stack.capabilities,
      Outputs: stack.outputs,
      RoleARN: stack.roleArn,
      Tags: stack.tags,
      EnableTerminationProtection: stack.terminationProtection,
      DriftInformation: stack.driftInformation,
    };
  }

  #live(stackName: string): StoredStack {
    const stack = this.stack(stackName);
    if (!stack) throw new Error(`No stack ${stackName} in the AWS stand-in`);
    return stack;
  }

  #byId(stackId: string | undefined): StoredStack | undefined {
    return stackId?.startsWith('arn:')
      ? this.stacks.find(s => s.stackId === stackId)
      : undefined;
  }

  /** A stack by name (live ones only) or by id (deleted ones too), as DescribeStacks finds them. */
  #find(nameOrId: string): StoredStack {
    const stack = this.#byId(nameOrId) ?? this.stack(nameOrId);
    if (!stack)
      throw validationError(`Stack with id ${nameOrId} does not exist`);
    return stack;
  }

  #findChangeSet(nameOrArn: string, stackNameOrId?: string): StoredChangeSet {
    const changeSet = nameOrArn?.startsWith('arn:')
      ? this.changeSets.find(c => c.id === nameOrArn)
      : this.changeSets.find(
          c =>
            c.name === nameOrArn &&
            (c.stack.stackName === stackNameOrId ||
              c.stack.stackId === stackNameOrId),
        );
    if (!changeSet) {
      throw new QueryError(
        'ChangeSetNotFound',
        `ChangeSet [${nameOrArn}] does not exist`,
        404,
      );
    }
    return changeSet;
  }

  #removeChangeSets(which: (changeSet: StoredChangeSet) => boolean) {
    for (let i = this.changeSets.length - 1; i >= 0; i--) {
      if (which(this.changeSets[i])) this.changeSets.splice(i, 1);
    }
  }

  #settle(changeSet: StoredChangeSet) {
    const unchanged =
      changeSet.type !== 'CREATE' &&
      changeSet.changes.length === 0 &&
      isDeepStrictEqual(changeSet.parameters, changeSet.stack.parameters);
    if (unchanged) {
      changeSet.status = 'FAILED';
      changeSet.statusReason = NO_CHANGES;
      changeSet.executionStatus = 'UNAVAILABLE';
    } else {
      changeSet.status = 'CREATE_COMPLETE';
      changeSet.executionStatus = 'AVAILABLE';
    }
  }

  #templateBodyOf(params: Params): string {
    if (params.TemplateURL) {
      const body = this.neighbours.readTemplateUrl(params.TemplateURL);
      if (body === undefined) {
        throw validationError(
          `S3 error: Unable to get object metadata from S3. Check object key, region and/or access permissions for ${params.TemplateURL}.`,
        );
      }
      return body;
    }
    const body: string | undefined = params.TemplateBody;
    if (!body) {
      throw validationError(
        'Either Template URL or Template Body must be specified.',
      );
    }
    if (Buffer.byteLength(body, 'utf8') > TEMPLATE_BODY_LIMIT) {
      throw validationError(
        `1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${TEMPLATE_BODY_LIMIT}`,
      );
    }
    return body;
  }

  #checkCapabilities(template: Template, capabilities: string[]) {
    const needsIam = Object.values(template.Resources ?? {}).some(r =>
      IAM_TYPES.test(r.Type),
    );
    if (
      needsIam &&
      !capabilities.includes('CAPABILITY_IAM') &&
      !capabilities.includes('CAPABILITY_NAMED_IAM')
    ) {
      throw new QueryError(
        'InsufficientCapabilitiesException',
        'Requires capabilities : [CAPABILITY_IAM]',
      );
    }
  }

  /** Parameter values as CloudFormation resolves them, SSM parameters included; rules checked. */
  #resolveParameters(template: Template, given: Parameter[]): Parameter[] {
    const values: Record<string, string> = {};
    const resolved: Parameter[] = [];
    for (const [key, definition] of Object.entries(template.Parameters ?? {})) {
      const value =
        given.find(p => p.ParameterKey === key)?.ParameterValue ??
        definition.Default;
      if (value === undefined) {
        throw validationError(`Parameters: [${key}] must have values`);
      }
      resolved.push({ ParameterKey: key, ParameterValue: value });
      if (definition.Type.startsWith('AWS::SSM::Parameter::Value<')) {
        const fromSsm = this.neighbours.ssmParameter(value);
        if (fromSsm === undefined) {
          throw validationError(
            `Unable to fetch parameters [${value}] from parameter store for this account.`,
          );
        }
        values[key] = fromSsm;
      } else {
        values[key] = value;
      }
    }
    for (const rule of Object.values(template.Rules ?? {})) {
      for (const assertion of rule.Assertions ?? []) {
        if (!evaluateCondition(assertion.Assert, values)) {
          throw validationError(
            assertion.AssertDescription ?? 'Template rule failed',
          );
        }
      }
    }
    return resolved;
  }

  #outputsFor(stack: StoredStack): Output[] {
    const given = this.#outputs.get(stack.stackName);
    return Object.entries(stack.template?.Outputs ?? {}).map(
      ([key, output]) => {
        const value = output.Value as any;
        const ref = typeof value === 'object' ? value?.Ref : undefined;
        return {
          OutputKey: key,
          OutputValue:
            given?.[key] ??
            (ref ? stack.resources.get(ref)?.physicalId : undefined) ??
            (typeof value === 'string' ? value : JSON.stringify(value)),
          ...(output.Description ? { Description: output.Description } : {}),
        };
      },
    );
  }
}
