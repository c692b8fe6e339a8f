import type { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  type EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import {
  catalogApiRef,
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  MockFetchApi,
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  EnvironmentsClient,
  environmentsApiRef,
  type EnvironmentsApi,
} from '../api';

/** Options of {@link renderWithEnvironments}. */
export interface RenderOptions {
  /** The entity of the page, when the element needs one. */
  entity?: Entity;
  /** Whether the permission backend allows promoting (per request, when a function). @defaultValue true */
  canPromote?: boolean | ((request: EvaluatePermissionRequest) => boolean);
  /** Entities the catalog returns. */
  catalogEntities?: Entity[];
  /** The environments API. @defaultValue an {@link EnvironmentsClient} over msw */
  environmentsApi?: EnvironmentsApi;
  /** The scaffolder API, for the Rollback button. @defaultValue one that starts no task */
  scaffolderApi?: Partial<typeof scaffolderApiRef.T>;
}

/**
 * Renders in a Backstage test app (`renderInTestApp`) with the real {@link EnvironmentsClient}
 * (its HTTP answered by msw), a mock permission API and an in-memory catalog.
 */
export function renderWithEnvironments(
  element: ReactElement,
  options: RenderOptions = {},
) {
  const client =
    options.environmentsApi ??
    new EnvironmentsClient({
      discoveryApi: mockApis.discovery(),
      fetchApi: new MockFetchApi(),
    });
  const { canPromote = true } = options;
  const permissionApi = mockApis.permission({
    authorize: request =>
      (typeof canPromote === 'function' ? canPromote(request) : canPromote)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [environmentsApiRef, client],
        [permissionApiRef, permissionApi],
        [
          catalogApiRef,
          catalogApiMock({ entities: options.catalogEntities ?? [] }),
        ],
        [scaffolderApiRef, options.scaffolderApi ?? {}],
      ]}
    >
      {options.entity ? (
        <EntityProvider entity={options.entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
