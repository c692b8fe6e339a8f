import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_PULL_REQUEST,
  ENVIRONMENT_API_VERSION,
  ENVIRONMENT_KIND,
  ENVIRONMENT_SCALES,
  ENVIRONMENT_STAGES,
  EnvironmentEntityV1alpha1,
  EnvironmentScale,
  EnvironmentStage,
  STACK_TAGS,
  stackTag,
} from '@stageline/plugin-environments-common';
import { appNameFromStackName } from '@stageline/plugin-environments-node';
import type { DiscoveredStack } from './listStacks';

/** The location type of the Environments discovery emits: `stageline-stacks:<account>/<region>`. */
export const DISCOVERY_LOCATION_TYPE = 'stageline-stacks';

/** Annotation of a discovered Environment (and a declared one discovery found): the stack id. */
export const ANNOTATION_DISCOVERED_STACK = 'stageline.dev/discovered-stack';

const ENTITY_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `staging` from the tag, else from a stack named `{App}{Stage}Stack` or `{App}Pr{n}Stack`. */
function stageOf(stack: DiscoveredStack): EnvironmentStage | undefined {
  const tagged = stackTag(stack.tags, 'stage');
  if (tagged) {
    return (ENVIRONMENT_STAGES as readonly string[]).includes(tagged)
      ? (tagged as EnvironmentStage)
      : undefined;
  }
  return ENVIRONMENT_STAGES.find(stage =>
    appNameFromStackName(stack.stackName, stage),
  );
}

function refOrUndefined(
  value: string | undefined,
  defaultKind: string,
): string | undefined {
  if (!value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return undefined;
  }
}

/** Whether a stack is one of Stageline's: it carries its stage tag, or its name matches. */
export function isStagelineStack(
  stack: DiscoveredStack,
  stackNamePattern?: RegExp,
): boolean {
  return (
    stackTag(stack.tags, 'stage') !== undefined ||
    (stackNamePattern?.test(stack.stackName) ?? false)
  );
}

/**
 * The Environment a discovered stack stands for: its stage, scale and app from Stageline's tags
 * (the CDK stack's and the deploy action's; the release before's `stageline:*` too), else from
 * a `{App}{Stage}Stack` name; its owner from the `stageline.dev/owner` tag, else `defaultOwner`;
 * its component from the `stageline.dev/component` tag, else the app's name; its health check
 * from the stack's `HealthCheckUrl` output. A reason instead when it cannot be one.
 */
export function discoveredEnvironment(
  stack: DiscoveredStack,
  options: { defaultOwner?: string },
): { entity: EnvironmentEntityV1alpha1 } | { skipped: string } {
  const stage = stageOf(stack);
  if (!stage) {
    return {
      skipped: `its stage is unknown (no ${
        STACK_TAGS.stage
      } tag of ${ENVIRONMENT_STAGES.join(
        ', ',
      )}, and its name is not {App}{Stage}Stack)`,
    };
  }
  const owner =
    refOrUndefined(stackTag(stack.tags, 'owner'), 'group') ??
    options.defaultOwner;
  if (!owner) {
    return {
      skipped:
        'it names no owner (stageline.dev/owner tag) and catalog.providers.stagelineStacks.defaultOwner is not set',
    };
  }
  const preview =
    stackTag(stack.tags, 'preview') ??
    (stage === 'preview'
      ? stack.stackName.match(/Pr([0-9]+)Stack$/)?.[1]?.replace(/^/, 'pr-')
      : undefined);
  const app =
    stackTag(stack.tags, 'app') ??
    appNameFromStackName(stack.stackName, stage) ??
    stack.stackName.toLocaleLowerCase('en-US');
  const component =
    refOrUndefined(stackTag(stack.tags, 'component'), 'component') ??
    `component:default/${app}`;
  const tagged = stackTag(stack.tags, 'environment');
  const name =
    tagged && ENTITY_NAME.test(tagged) && tagged.length <= 63
      ? tagged
      : `${app}-${preview ?? stage}`;
  const scaleTag = stackTag(stack.tags, 'scale');
  const scale = (ENVIRONMENT_SCALES as readonly string[]).includes(
    scaleTag ?? '',
  )
    ? (scaleTag as EnvironmentScale)
    : 'hobby';
  const location = `${DISCOVERY_LOCATION_TYPE}:${stack.accountId}/${stack.region}`;
  const pullRequest = preview?.match(/^pr-(\d+)$/)?.[1];
  const healthUrl = stack.outputs.HealthCheckUrl;
  return {
    entity: {
      apiVersion: ENVIRONMENT_API_VERSION,
      kind: ENVIRONMENT_KIND,
      metadata: {
        name,
        title: `${stack.stackName} (${stack.region}, ${stack.accountId})`,
        description: `Discovered in CloudFormation: ${stack.stackName} in account ${stack.accountId}, ${stack.region} (${stack.status})`,
        annotations: {
          [ANNOTATION_LOCATION]: location,
          [ANNOTATION_ORIGIN_LOCATION]: location,
          [ANNOTATION_DISCOVERED_STACK]: stack.stackId,
          ...(pullRequest ? { [ANNOTATION_PULL_REQUEST]: pullRequest } : {}),
        },
      },
      spec: {
        type: stage,
        owner,
        component,
        scale,
        deployment: {
          provider: 'cloudformation',
          stackName: stack.stackName,
          region: stack.region,
          accountId: stack.accountId,
        },
        ...(healthUrl && /^https?:\/\/\S+$/.test(healthUrl)
          ? { healthCheck: { url: healthUrl } }
          : {}),
      },
    },
  };
}
