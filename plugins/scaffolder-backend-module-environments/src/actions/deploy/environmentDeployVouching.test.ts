import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GithubStandIn } from '@stageline/github-stand-in';
import { actionContext } from '../../__testUtils__/actionContext';
import { useAwsStandIn } from '../../__testUtils__/aws/toolkitTestSetup';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import {
  exampleCatalogWithModes,
  mallorysPipelineEnvironment,
} from '../../__testUtils__/entities';
import { githubClientsWithoutWaits } from '../../__testUtils__/githubStandIn';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDestroyAction } from '../destroy/environmentDestroy';
import { createEnvironmentDeployAction } from './environmentDeploy';

const SLUG = 'acme/macro-ai';
const MALLORYS_LOCATION =
  'url:https://github.com/mallory/tools/blob/main/catalog-info.yaml';

/**
 * Anyone can register a component that names any repository, so a pipeline's workflow is
 * dispatched only in a repository the catalog vouches for as the component's: its
 * `backstage.io/managed-by-location` (written by the catalog, not by the entity's author) is in
 * that repository, or a location the operator trusts.
 */
describe('environment:deploy and environment:destroy in a repository the catalog does not vouch for', () => {
  const aws = useAwsStandIn();
  let github: GithubStandIn;

  // Mallory registers, from her own repository, a component that says it lives in acme/macro-ai
  // and a staging Environment of it with a stack and a branch no one else has.
  const mallorys = mallorysPipelineEnvironment({
    location: MALLORYS_LOCATION,
    branch: 'mallory/deploy-me',
  });

  beforeEach(() => {
    github = new GithubStandIn(aws().server);
    github.addRepo(SLUG, ['main', 'develop', 'mallory/deploy-me']);
    github.addWorkflow(SLUG, 'deploy.yml', {
      inputs: ['stage', 'scale', 'command', 'preview-id'],
    });
  });

  const options = () => ({
    catalog: catalogServiceMock({
      entities: [...exampleCatalogWithModes(), ...mallorys],
    }),
    aws: configuredAws(),
    // Mallory is allowed everything: what stops her is where her component comes from.
    ...permissionPolicy().authorization,
    github: githubClientsWithoutWaits(),
    pollIntervalMs: 1,
    runSearch: { attempts: 5, intervalMs: 1 },
  });

  it.each([
    ['environment:deploy', createEnvironmentDeployAction],
    ['environment:destroy', createEnvironmentDestroyAction],
  ])(
    '%s refuses before anything reaches GitHub, saying where the component was registered',
    async (_, createAction) => {
      const { ctx } = actionContext({
        environmentRef: 'environment:default/mallory-tool-staging',
      });

      await expect(createAction(options()).handler(ctx)).rejects.toThrow(
        `The workflow of acme/macro-ai is not dispatched for environment:default/mallory-tool-staging: acme/macro-ai is not read for component:default/mallory-tool: it was registered from ${MALLORYS_LOCATION}, which is not in acme/macro-ai nor a location the operator trusts; register it from acme/macro-ai's own catalog-info.yaml`,
      );
      expect(github.requests).toEqual([]);
      expect(github.repo(SLUG).dispatches).toEqual([]);
    },
  );
});
