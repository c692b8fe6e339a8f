import { randomUUID } from 'node:crypto';
import type { ResourceDrift, StoredStack } from './cloudFormationTypes';
import { validationError } from './queryProtocol';

/**
 * Types CloudFormation cannot check for drift ("Resource type support for imports and drift
 * detection" in the User Guide): their resources are `NOT_CHECKED`.
 */
const UNCHECKED_TYPES =
  /^(AWS::CDK::Metadata|AWS::CloudFormation::CustomResource|Custom::.+)$/;

type PropertyDifference = {
  PropertyPath: string;
  ExpectedValue: string;
  ActualValue: string;
  DifferenceType: 'ADD' | 'REMOVE' | 'NOT_EQUAL';
};

type ResourceResult = {
  StackId: string;
  LogicalResourceId: string;
  PhysicalResourceId: string;
  ResourceType: string;
  ExpectedProperties?: string;
  ActualProperties?: string;
  PropertyDifferences?: PropertyDifference[];
  StackResourceDriftStatus: 'IN_SYNC' | 'MODIFIED' | 'DELETED' | 'NOT_CHECKED';
  Timestamp: Date;
};

type Detection = {
  id: string;
  stack: StoredStack;
  /** Looks at its status still answered `DETECTION_IN_PROGRESS`. */
  looksLeft: number;
  timestamp: Date;
  results: ResourceResult[];
};

const show = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value ?? null);

/** `/Properties/MemorySize` → `['MemorySize']`. */
function pathOf(propertyPath: string): string[] {
  return propertyPath.replace(/^\/Properties\//, '').split('/');
}

function valueAt(properties: Record<string, unknown>, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object'
        ? (node as Record<string, unknown>)[key]
        : undefined,
    properties,
  );
}

function withValue(
  properties: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(properties);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  if (value === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}

function resultOf(
  stack: StoredStack,
  logicalId: string,
  type: string,
  physicalId: string,
  expected: Record<string, unknown>,
  drift: ResourceDrift | undefined,
  timestamp: Date,
): ResourceResult {
  const base = {
    StackId: stack.stackId,
    LogicalResourceId: logicalId,
    PhysicalResourceId: physicalId,
    ResourceType: type,
    Timestamp: timestamp,
  };
  if (UNCHECKED_TYPES.test(type)) {
    return { ...base, StackResourceDriftStatus: 'NOT_CHECKED' };
  }
  const expectedProperties = JSON.stringify(expected);
  if (drift?.status === 'DELETED') {
    return {
      ...base,
      ExpectedProperties: expectedProperties,
      StackResourceDriftStatus: 'DELETED',
    };
  }
  let actual = expected;
  const differences: PropertyDifference[] = [];
  for (const [propertyPath, value] of Object.entries(
    drift?.status === 'MODIFIED' ? drift.actual : {},
  )) {
    const path = pathOf(propertyPath);
    const before = valueAt(expected, path);
    actual = withValue(actual, path, value);
    differences.push({
      PropertyPath: propertyPath,
      ExpectedValue: show(before),
      ActualValue: value === undefined ? 'null' : show(value),
      DifferenceType: value === undefined ? 'REMOVE' : 'NOT_EQUAL',
    });
  }
  return {
    ...base,
    ExpectedProperties: expectedProperties,
    ActualProperties: JSON.stringify(actual),
    ...(differences.length ? { PropertyDifferences: differences } : {}),
    StackResourceDriftStatus: differences.length ? 'MODIFIED' : 'IN_SYNC',
  };
}

/**
 * CloudFormation's stack drift detection (API Reference: DetectStackDrift,
 * DescribeStackDriftDetectionStatus, DescribeStackResourceDrifts, StackResourceDrift,
 * PropertyDifference): a detection runs in the background (`DETECTION_IN_PROGRESS` for
 * `looksWhileDetecting` looks at its status, then `DETECTION_COMPLETE`), compares each resource's
 * template properties with what someone changed outside CloudFormation (`MODIFIED` with its
 * property differences, `DELETED`, `IN_SYNC`; types that cannot be checked `NOT_CHECKED`), and
 * once complete sets the stack's `DriftInformation`. DescribeStackResourceDrifts answers from the
 * stack's latest completed detection, filtered by status and paged with `MaxResults`.
 */
export class DriftDetections {
  looksWhileDetecting = 1;
  readonly #detections = new Map<string, Detection>();

  start(stack: StoredStack, now: Date): { StackDriftDetectionId: string } {
    const id = randomUUID();
    const results = Object.entries(stack.template?.Resources ?? {}).map(
      ([logicalId, resource]) =>
        resultOf(
          stack,
          logicalId,
          resource.Type,
          stack.resources.get(logicalId)?.physicalId ?? '',
          resource.Properties ?? {},
          stack.drift.get(logicalId),
          now,
        ),
    );
    this.#detections.set(id, {
      id,
      stack,
      looksLeft: this.looksWhileDetecting,
      timestamp: now,
      results,
    });
    return { StackDriftDetectionId: id };
  }

  status(params: Record<string, any>) {
    const detection = this.#detections.get(params.StackDriftDetectionId);
    if (!detection) {
      throw validationError(
        `Drift detection with id ${params.StackDriftDetectionId} does not exist`,
      );
    }
    const base = {
      StackId: detection.stack.stackId,
      StackDriftDetectionId: detection.id,
      Timestamp: detection.timestamp,
    };
    if (detection.looksLeft-- > 0) {
      return { ...base, DetectionStatus: 'DETECTION_IN_PROGRESS' };
    }
    const drifted = detection.results.filter(r =>
      ['MODIFIED', 'DELETED'].includes(r.StackResourceDriftStatus),
    ).length;
    const status = drifted ? 'DRIFTED' : 'IN_SYNC';
    const stack = detection.stack;
    if (
      !stack.latestDetection ||
      stack.latestDetection.timestamp <= detection.timestamp
    ) {
      stack.latestDetection = detection;
      stack.driftInformation = {
        StackDriftStatus: status,
        LastCheckTimestamp: detection.timestamp,
      };
    }
    return {
      ...base,
      StackDriftStatus: status,
      DetectionStatus: 'DETECTION_COMPLETE',
      DriftedStackResourceCount: drifted,
    };
  }

  resourceDrifts(stack: StoredStack, params: Record<string, any>) {
    const filters: string[] = Array.isArray(
      params.StackResourceDriftStatusFilters,
    )
      ? params.StackResourceDriftStatusFilters
      : [];
    const all = (
      (stack.latestDetection as Detection | undefined)?.results ?? []
    ).filter(
      r => !filters.length || filters.includes(r.StackResourceDriftStatus),
    );
    const pageSize = Math.min(Number(params.MaxResults ?? 100), 100);
    const start = Number(params.NextToken ?? 0);
    const end = start + pageSize;
    return {
      StackResourceDrifts: all.slice(start, end),
      NextToken: end < all.length ? String(end) : undefined,
    };
  }
}
