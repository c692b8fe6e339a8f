import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EnvironmentEntity,
  isEnvironmentEntity,
  stackTag,
  STACK_TAGS,
} from '@stageline/plugin-environments-common';
import {
  AwsAccess,
  cloudFormationClientFor,
  describeStack,
  EnvironmentTarget,
  findEnvironmentsOfStack,
  isStackAbsent,
  withAwsErrors,
} from '@stageline/plugin-environments-node';

const same = (
  a: EnvironmentEntity['spec']['schedule'],
  b: EnvironmentEntity['spec']['schedule'],
) =>
  (a?.shutdown ?? '') === (b?.shutdown ?? '') &&
  (a?.startup ?? '') === (b?.startup ?? '');

/**
 * What a scheduled stop or start checks before it touches a stack, acting for nobody: the
 * catalog is untrusted, so an Environment's schedule runs only when every Environment in the
 * catalog describing the same stack (found with the plugin's own credentials) declares the same
 * schedule — one registered to stop someone else's stack is outvoted by theirs — and, where AWS
 * can read the stack, its `stageline.dev/stage` tag is the Environment's stage.
 *
 * @throws NotAllowedError naming what does not agree
 */
export async function assertScheduleAgreed(options: {
  environment: EnvironmentEntity;
  target: EnvironmentTarget;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  aws: AwsAccess;
}): Promise<void> {
  const { environment, target, catalog, credentials } = options;
  const self = stringifyEntityRef(environment);
  const refs = await findEnvironmentsOfStack({ catalog, credentials, target });
  const others = refs.filter(ref => ref !== self);
  if (others.length) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: others },
      { credentials },
    );
    const disagreeing = items
      .filter(isEnvironmentEntity)
      .filter(other => !same(other.spec.schedule, environment.spec.schedule))
      .map(other => stringifyEntityRef(other));
    if (disagreeing.length) {
      throw new NotAllowedError(
        `${target.stackName} is also described by ${disagreeing.join(
          ', ',
        )}, with another schedule: a schedule runs only when every Environment of the stack declares it`,
      );
    }
  }
  if (!options.aws.getConfiguration().configured) return;
  const cloudFormation = await cloudFormationClientFor(options.aws, target);
  const stack = await withAwsErrors(
    `reading stack ${target.stackName}`,
    target,
    () => describeStack(cloudFormation, target.stackName),
  );
  if (isStackAbsent(stack)) return;
  const stage = stackTag(stack!.Tags, 'stage');
  if (stage !== environment.spec.type) {
    throw new NotAllowedError(
      `${target.stackName} is tagged ${STACK_TAGS.stage}=${
        stage ?? '(none)'
      }, not ${
        environment.spec.type
      }: the schedule of ${self} does not stop or start it`,
    );
  }
}
