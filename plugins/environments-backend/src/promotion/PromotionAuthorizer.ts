import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  EnvironmentEntity,
  environmentsPromotePermission,
} from '@stageline/plugin-environments-common';
import {
  componentRefOf,
  EnvironmentSourceControlProvider,
  findEnvironmentsOfRepository,
  GithubRepository,
  resolveComponentScope,
} from '@stageline/plugin-environments-node';
import type { RepositoryReadGuard } from '../security/RepositoryReadGuard';

/** What a promotion was authorized to change. */
export interface AuthorizedPromotion {
  /** Source and target bound to their component's repository. */
  source: EnvironmentEntity;
  target: EnvironmentEntity;
  repository?: GithubRepository;
  /** Every Environment the actor had to be allowed to promote into (refs), for the audit. */
  guards: string[];
}

/** An Environment the decision is taken on, and why it counts. */
interface Guard {
  entity: EnvironmentEntity;
  /** The Environment's ref, or `default-branch:owner/repo@branch`. */
  ref: string;
  /** Why it counts, for a refusal; empty for the target itself. */
  label: string;
}

/**
 * Decides whether an actor may promote, on what the promotion changes rather than on what the
 * target Environment says of itself. A promotion writes to one branch of one repository: the
 * target's branch in the repository of the component both Environments belong to. The actor
 * must hold `environments.promote` on every Environment that runs that branch of that
 * repository (the strictest of them decides, so a self-registered "staging" on the production
 * branch is production), on the repository's default branch as if it were production, and on
 * the source (what is promoted from must be theirs to promote too). The
 * policy is asked once (`authorizeConditional`); a conditional answer is applied here to each
 * of those Environments. Both
 * Environments must be of the same component, owned by its owner (or a trusted owner), and visible
 * to the actor, and the catalog must vouch for the component's repository (registered from it,
 * or from a location the operator trusts).
 */
export class PromotionAuthorizer {
  readonly #authorizeOn: (decision: PolicyDecision, entity: Entity) => boolean;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      ruleset: PermissionRuleset<Entity, any, 'catalog-entity'>;
      sourceControl: EnvironmentSourceControlProvider;
      trustedOwners: string[];
      /** A promotion reads (and writes) the component's repository only where it is vouched for. */
      repositoryReads: Pick<RepositoryReadGuard, 'componentProblem'>;
    },
  ) {
    this.#authorizeOn = createConditionAuthorizer(options.ruleset);
  }

  async authorize(request: {
    source: EnvironmentEntity;
    target: EnvironmentEntity;
    credentials: BackstageCredentials;
    actor: string;
  }): Promise<AuthorizedPromotion> {
    const { credentials, actor } = request;
    const targetRef = stringifyEntityRef(request.target);
    const [sourceComponent, targetComponent] = [
      componentRefOf(request.source),
      componentRefOf(request.target),
    ];
    if (sourceComponent !== targetComponent) {
      throw new NotAllowedError(
        `${stringifyEntityRef(
          request.source,
        )} (component ${sourceComponent}) promotes into ${targetRef} of another component (${targetComponent}): a promotion stays within one component's repository`,
      );
    }
    const loadComponent = async (ref: string) =>
      (await this.options.catalog.getEntityByRef(ref, { credentials })) ??
      undefined;
    const [source, target] = await Promise.all(
      [request.source, request.target].map(environment =>
        resolveComponentScope({
          environment,
          loadComponent,
          trustedOwners: this.options.trustedOwners,
        }),
      ),
    );
    const repository = target.repository;
    // Before the policy is asked or anything read: a dry run shows the pending commits.
    const problem =
      repository &&
      (await this.options.repositoryReads.componentProblem(
        target.component,
        repository,
      ));
    if (problem) throw new NotAllowedError(problem);
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: environmentsPromotePermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(`${actor} may not promote into ${targetRef}`);
    }
    // An unconditional ALLOW needs no guards; a conditional one is taken on each of them.
    const guards =
      decision.result === AuthorizeResult.ALLOW
        ? [{ entity: target.environment, ref: targetRef, label: '' }]
        : [
            ...(await this.#guards(target.environment, repository)),
            {
              entity: source.environment,
              ref: stringifyEntityRef(source.environment),
              label: `you may not promote from ${stringifyEntityRef(
                source.environment,
              )}`,
            },
          ];
    const denied = guards.filter(
      guard => !this.#allows(decision, guard.entity),
    );
    if (denied.length > 0) {
      // Reasons only when the target itself was allowed: then they are what decided.
      const why = denied.some(guard => !guard.label)
        ? []
        : denied.map(guard => guard.label);
      throw new NotAllowedError(
        `${actor} may not promote into ${targetRef}${
          why.length ? `: ${why.join('; ')}` : ''
        }`,
      );
    }
    return {
      source: source.environment,
      target: target.environment,
      repository,
      guards: [...new Set(guards.map(guard => guard.ref))],
    };
  }

  /** The target, every Environment on its branch of the repository, and the default branch. */
  async #guards(
    target: EnvironmentEntity,
    repository: GithubRepository | undefined,
  ): Promise<Guard[]> {
    const targetRef = stringifyEntityRef(target);
    const guards: Guard[] = [{ entity: target, ref: targetRef, label: '' }];
    const branch = target.spec.branch;
    if (!repository || !branch) return guards;
    const slug = `${repository.owner}/${repository.repo}`;
    const onBranch = await findEnvironmentsOfRepository({
      catalog: this.options.catalog,
      credentials: await this.options.auth.getOwnServiceCredentials(),
      repository,
      branch,
    });
    for (const environment of onBranch) {
      const ref = stringifyEntityRef(environment);
      if (ref === targetRef) continue;
      guards.push({
        entity: environment,
        ref,
        label: `it writes to branch ${branch} of ${slug}, which ${ref} (${environment.spec.type}) also runs`,
      });
    }
    const { sourceControl } = this.options;
    if (
      sourceControl.getDefaultBranch &&
      sourceControl.getConfiguration(target).configured &&
      (await sourceControl.getDefaultBranch(target)) === branch
    ) {
      guards.push({
        entity: { ...target, spec: { ...target.spec, type: 'production' } },
        ref: `default-branch:${slug}@${branch}`,
        label: `${branch} is the default branch of ${slug}, which counts as production`,
      });
    }
    return guards;
  }

  #allows(decision: PolicyDecision, entity: Entity): boolean {
    return (
      decision.result === AuthorizeResult.ALLOW ||
      (decision.result === AuthorizeResult.CONDITIONAL &&
        this.#authorizeOn(decision, entity))
    );
  }
}
