import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CloudFormationClient,
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand,
  DetectStackDriftCommand,
  type StackResourceDrift,
} from '@aws-sdk/client-cloudformation';
import type {
  DriftedResource,
  StackDriftReport,
} from '@stageline/plugin-environments-common';
import { redactSecrets } from '@stageline/plugin-environments-node';

/** How many drifted resources, and differences of each, a report keeps. */
const MAX_RESOURCES = 100;
const MAX_DIFFERENCES = 50;
const MAX_VALUE_LENGTH = 300;

/**
 * Property paths whose values are not shown: function and container environment variables and
 * anything named like a credential hold secrets more often than not, and the environment page is
 * read by people who may not read the stack in AWS.
 */
const HIDDEN_PATH =
  /\/Environment(\/|$)|Variables|password|secret|token|credential|private|key(\/|$)/i;

function shown(path: string, value: string | undefined): string {
  if (HIDDEN_PATH.test(path)) return '(hidden)';
  const text = redactSecrets(value ?? '');
  return text.length > MAX_VALUE_LENGTH
    ? `${text.slice(0, MAX_VALUE_LENGTH)}…`
    : text;
}

function toResource(drift: StackResourceDrift): DriftedResource {
  return {
    logicalResourceId: drift.LogicalResourceId ?? '',
    resourceType: drift.ResourceType ?? '',
    ...(drift.PhysicalResourceId
      ? { physicalResourceId: drift.PhysicalResourceId }
      : {}),
    status:
      drift.StackResourceDriftStatus === 'DELETED' ? 'DELETED' : 'MODIFIED',
    differences: (drift.PropertyDifferences ?? [])
      .slice(0, MAX_DIFFERENCES)
      .map(d => ({
        propertyPath: d.PropertyPath ?? '',
        expectedValue: shown(d.PropertyPath ?? '', d.ExpectedValue),
        actualValue: shown(d.PropertyPath ?? '', d.ActualValue),
        differenceType: d.DifferenceType ?? 'NOT_EQUAL',
      })),
  };
}

function summary(resources: DriftedResource[], total: number): string {
  if (total === 0)
    return 'No drift: every resource checked matches its template';
  const names = resources
    .slice(0, 5)
    .map(r => `${r.logicalResourceId} (${r.status.toLowerCase()})`)
    .join(', ');
  return `${total} resource${total === 1 ? '' : 's'} drifted: ${names}${
    total > 5 ? `, and ${total - 5} more` : ''
  }`;
}

/**
 * Runs CloudFormation's drift detection on a stack (`DetectStackDrift`), waits for it
 * (`DescribeStackDriftDetectionStatus`) and reads the drifted resources with their property
 * differences (`DescribeStackResourceDrifts`, `MODIFIED` and `DELETED`, every page). Values of
 * environment variables and of properties named like credentials are hidden, others redacted and
 * shortened.
 *
 * @returns the report: `DRIFTED`, `IN_SYNC`, or `UNKNOWN` when the detection failed or did not
 *   finish in time (the message says which)
 */
export async function detectStackDrift(options: {
  cloudFormation: CloudFormationClient;
  stackId: string;
  pollIntervalMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<StackDriftReport> {
  const { cloudFormation, stackId, signal } = options;
  const send = { abortSignal: signal };
  const { StackDriftDetectionId } = await cloudFormation.send(
    new DetectStackDriftCommand({ StackName: stackId }),
    send,
  );
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const status = await cloudFormation.send(
      new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId }),
      send,
    );
    const checkedAt = (status.Timestamp ?? new Date()).toISOString();
    if (status.DetectionStatus === 'DETECTION_FAILED') {
      return {
        status: 'UNKNOWN',
        checkedAt,
        driftedResources: [],
        message: `Drift detection failed: ${
          status.DetectionStatusReason ?? 'CloudFormation gave no reason'
        }`,
      };
    }
    if (status.DetectionStatus === 'DETECTION_COMPLETE') {
      const drifts: StackResourceDrift[] = [];
      let NextToken: string | undefined;
      do {
        const page = await cloudFormation.send(
          new DescribeStackResourceDriftsCommand({
            StackName: stackId,
            StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'],
            MaxResults: 100,
            NextToken,
          }),
          send,
        );
        drifts.push(...(page.StackResourceDrifts ?? []));
        NextToken = page.NextToken;
      } while (NextToken && drifts.length < MAX_RESOURCES);
      const resources = drifts.slice(0, MAX_RESOURCES).map(toResource);
      const total = status.DriftedStackResourceCount ?? drifts.length;
      return {
        status: status.StackDriftStatus === 'DRIFTED' ? 'DRIFTED' : 'IN_SYNC',
        checkedAt,
        driftedResources: resources,
        message: summary(resources, total),
      };
    }
    if (Date.now() >= deadline) {
      return {
        status: 'UNKNOWN',
        checkedAt,
        driftedResources: [],
        message: `Drift detection did not finish within ${Math.round(
          options.timeoutMs / 1000,
        )} s; it is tried again at the next scheduled run`,
      };
    }
    await sleep(options.pollIntervalMs, undefined, { signal });
  }
}
