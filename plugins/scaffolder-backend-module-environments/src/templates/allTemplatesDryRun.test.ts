import type { JsonObject } from '@backstage/types';
import { environmentEntity, exampleCatalog } from '../__testUtils__/entities';
import { startScaffolder } from '../__testUtils__/scaffolderDryRun';
import {
  requiredParameters,
  templateDefaults,
  templateNames,
} from '../__testUtils__/templateFiles';

jest.setTimeout(120_000);

/** What a user must give each template: its required parameters that have no default. */
const REQUIRED: Record<string, JsonObject> = {
  environment: { component: 'component:default/macro-ai-web' },
  'promote-environment': {
    environment: 'environment:default/macro-ai-api-staging',
  },
  'rollback-environment': {
    environment: 'environment:default/macro-ai-api-staging',
  },
  // The form's default scale is enterprise, not confirmed over budget: an environment whose
  // budget covers enterprise goes ahead (the example's £5/£10 budgets are refused, see
  // scaleEnvironmentTemplate.test.ts).
  'scale-environment': {
    environment: 'environment:default/macro-ai-web-production',
  },
  'service-with-environments': {
    name: 'macro-ai-chat',
    owner: 'group:default/platform',
    repoUrl: 'github.com?owner=acme&repo=macro-ai-chat',
  },
};

describe('every template in templates/', () => {
  let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    scaffolder = await startScaffolder({
      entities: [
        ...exampleCatalog(),
        environmentEntity({
          name: 'macro-ai-web-production',
          spec: {
            type: 'production',
            component: 'component:default/macro-ai-web',
            branch: 'main',
            deployment: {
              provider: 'cloudformation',
              stackName: 'MacroAiWebProductionStack',
              region: 'eu-west-2',
              accountId: '123456789012',
            },
            budget: { monthly: 1000, currency: 'GBP' },
          },
        }),
      ],
    });
  });

  it.each(templateNames())(
    '%s answers 200 to a dry run with its defaults and the required values',
    async name => {
      const defaults = templateDefaults(name);
      const required = REQUIRED[name] ?? {};
      expect(Object.keys(required).sort()).toEqual(
        requiredParameters(name)
          .filter(parameter => !(parameter in defaults))
          .sort(),
      );

      const result = await scaffolder.dryRun(name, {
        ...defaults,
        ...required,
      });

      expect({ status: result.status, error: (result as any).error }).toEqual({
        status: 200,
        error: undefined,
      });
      expect(
        result.log.filter(entry => entry.body.status === 'failed'),
      ).toEqual([]);
    },
  );
});
