import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createEnvironmentDeployAction } from './actions/deploy/environmentDeploy';
import { createEnvironmentDestroyAction } from './actions/destroy/environmentDestroy';
import { createEnvironmentGithubSetupAction } from './actions/githubSetup/environmentGithubSetup';
import { createEnvironmentPlanAction } from './actions/plan/environmentPlan';
import { createEnvironmentPromoteAction } from './actions/promote/environmentPromote';
import { createEnvironmentRollbackAction } from './actions/rollback/environmentRollback';
import { GithubClients } from './lib/github/GithubClients';
import { actionTables } from './__testUtils__/actionDocs';
import { unconfiguredAws } from './__testUtils__/cloudFormationStandIn';
import { githubConfig } from './__testUtils__/githubStandIn';
import { permissionPolicy } from './__testUtils__/permissionPolicy';

// The actions' reference, which the package README links to.
const reference = fs.readFileSync(
  path.resolve(__dirname, '../../../docs/reference/actions.md'),
  'utf8',
);
const catalog = catalogServiceMock();
const aws = unconfiguredAws();
const { authorization } = permissionPolicy();
const actions = [
  createEnvironmentPlanAction({ catalog, aws }),
  createEnvironmentDeployAction({ catalog, aws, ...authorization }),
  createEnvironmentDestroyAction({ catalog, aws, ...authorization }),
  createEnvironmentRollbackAction({ catalog, aws, ...authorization }),
  createEnvironmentPromoteAction({
    discovery: mockServices.discovery(),
    auth: mockServices.auth(),
  }),
  createEnvironmentGithubSetupAction({
    catalog,
    github: GithubClients.fromConfig(githubConfig()),
    ...authorization,
  }),
];

describe('docs/reference/actions.md', () => {
  it.each(actions.map(action => [action.id, action] as const))(
    'has the input and output tables of %s, generated from its schema',
    (_id, action) => {
      if (process.env.PRINT_ACTION_DOCS) {
        // eslint-disable-next-line no-console
        console.log(
          [
            `### ${action.id}`,
            actionTables(action),
            ...(action.examples ?? []).map(
              e =>
                `${e.description}:\n\n\`\`\`yaml\n${e.example.trim()}\n\`\`\``,
            ),
          ].join('\n\n'),
        );
      }
      expect(reference).toContain(actionTables(action));
    },
  );

  it.each(
    actions.flatMap(action =>
      (action.examples ?? []).map(
        example => [action.id, example.description, example.example] as const,
      ),
    ),
  )('shows the %s example "%s"', (_id, _description, example) => {
    expect(reference).toContain(example.trim());
  });
});
