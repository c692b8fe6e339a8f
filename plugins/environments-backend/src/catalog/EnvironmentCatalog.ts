import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EnvironmentEntity,
  isEnvironmentEntity,
  RELATION_ENVIRONMENT_OF,
} from '@stageline/plugin-environments-common';
import { orderEnvironments } from './orderEnvironments';
import { CallerLookups } from './CallerLookups';

/**
 * How long the read routes reuse a caller's catalog lookup: long enough that a page's bursts and
 * many users' refreshes cost one catalog query per caller, short enough that a change in the
 * catalog or in what a user may see shows within seconds.
 */
export const READ_ROUTE_LOOKUP_TTL_MS = 5_000;

/**
 * Reads Environment entities from the catalog with the caller's credentials, so a user only
 * ever sees environments the catalog lets them see.
 */
export class EnvironmentCatalog {
  readonly #lookups: CallerLookups;

  /**
   * @param options - `lookupTtlMs`: how long a caller's lookup is reused for that same caller
   *   (the read routes: a page asks for the same environments many times a second under load);
   *   0 (the default) asks the catalog every time, as promotions must.
   */
  constructor(
    private readonly catalog: CatalogService,
    options: { lookupTtlMs?: number } = {},
  ) {
    this.#lookups = new CallerLookups(options.lookupTtlMs ?? 0);
  }

  /** The environments of a component (by `environmentOf` relation or `spec.component`), in promotion order. */
  forComponent(
    componentRef: string,
    credentials: BackstageCredentials,
  ): Promise<EnvironmentEntity[]> {
    const ref = parseEntityRef(componentRef, { defaultKind: 'component' });
    const full = stringifyEntityRef(ref);
    return this.#lookups.get(credentials, `component ${full}`, () =>
      this.#forComponent(ref, full, credentials),
    );
  }

  async #forComponent(
    ref: CompoundEntityRef,
    full: string,
    credentials: BackstageCredentials,
  ): Promise<EnvironmentEntity[]> {
    const componentValues =
      ref.namespace === 'default' ? [full, ref.name] : [full];
    const { items } = await this.catalog.getEntities(
      {
        filter: [
          {
            kind: 'Environment',
            [`relations.${RELATION_ENVIRONMENT_OF}`]: full,
          },
          { kind: 'Environment', 'spec.component': componentValues },
        ],
      },
      { credentials },
    );
    const environments = dedupe(items.filter(isEnvironmentEntity));
    if (environments.length === 0) {
      const component = await this.catalog.getEntityByRef(full, {
        credentials,
      });
      if (!component) {
        throw new NotFoundError(`No entity ${full} in the catalog`);
      }
    }
    return orderEnvironments(environments);
  }

  /** Every environment, optionally those of one owner and/or system, in promotion order. */
  all(
    credentials: BackstageCredentials,
    options: { owner?: string; system?: string } = {},
  ): Promise<EnvironmentEntity[]> {
    return this.#lookups.get(
      credentials,
      `all ${JSON.stringify([options.owner, options.system])}`,
      () => this.#all(credentials, options),
    );
  }

  async #all(
    credentials: BackstageCredentials,
    options: { owner?: string; system?: string },
  ): Promise<EnvironmentEntity[]> {
    const filter: Record<string, string | string[]> = { kind: 'Environment' };
    if (options.owner) {
      filter['relations.ownedBy'] = stringifyEntityRef(
        parseEntityRef(options.owner, { defaultKind: 'group' }),
      );
    }
    if (options.system) {
      filter['relations.partOf'] = stringifyEntityRef(
        parseEntityRef(options.system, { defaultKind: 'system' }),
      );
    }
    const { items } = await this.catalog.getEntities(
      { filter },
      { credentials },
    );
    return orderEnvironments(items.filter(isEnvironmentEntity));
  }

  /** One environment; NotFoundError when the catalog has none (or the caller may not see it). */
  async get(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
  ): Promise<EnvironmentEntity> {
    const full = stringifyEntityRef(
      typeof ref === 'string'
        ? parseEntityRef(ref, { defaultKind: 'environment' })
        : ref,
    );
    const entity = await this.find(full, credentials);
    if (!entity) {
      throw new NotFoundError(`No environment ${full} in the catalog`);
    }
    return entity;
  }

  /** Like {@link EnvironmentCatalog.get} but undefined when missing. */
  find(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<EnvironmentEntity | undefined> {
    return this.#lookups.get(credentials, `entity ${ref}`, async () => {
      const entity = await this.catalog.getEntityByRef(ref, { credentials });
      return isEnvironmentEntity(entity) ? entity : undefined;
    });
  }
}

function dedupe(environments: EnvironmentEntity[]): EnvironmentEntity[] {
  const seen = new Map<string, EnvironmentEntity>();
  for (const environment of environments) {
    seen.set(stringifyEntityRef(environment), environment);
  }
  return [...seen.values()];
}
