import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import sodium from 'libsodium-wrappers';
import { setupServer } from 'msw/node';
import { actionContext } from '../../__testUtils__/actionContext';
import { exampleCatalog } from '../../__testUtils__/entities';
import { exampleInputs } from '../../__testUtils__/exampleInputs';
import {
  githubClientsWithoutWaits,
  GithubStandIn,
} from '../../__testUtils__/githubStandIn';
import { createEnvironmentGithubSetupAction } from './environmentGithubSetup';
import { examples } from './environmentGithubSetup.examples';

const server = setupServer();
registerMswTestHooks(server);

describe('environment:github:setup examples', () => {
  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    await sodium.ready;
    const github = new GithubStandIn(server);
    github.publicKey.key = sodium.to_base64(
      sodium.crypto_box_keypair().publicKey,
      sodium.base64_variants.ORIGINAL,
    );
    const action = createEnvironmentGithubSetupAction({
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      github: githubClientsWithoutWaits(),
      ...permissionPolicy().authorization,
    });
    const { ctx, outputs } = actionContext(input);

    await action.handler(ctx);

    const names = (input.environments as Array<{ name: string }>).map(
      e => e.name,
    );
    expect([...github.environments.keys()]).toEqual(names);
    expect(outputs).toMatchObject({ changed: true });
  });
});
