import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `environment:destroy`, run by its examples test. */
export const examples: TemplateExample[] = [
  {
    description: 'Destroy the preview environment of a closed pull request',
    example: yaml.stringify({
      steps: [
        {
          id: 'destroy',
          action: 'environment:destroy',
          name: 'Destroy preview',
          input: { environmentRef: 'environment:default/macro-ai-api-pr-42' },
        },
      ],
    }),
  },
  {
    description:
      'Shut staging down out of hours (it is deployed again on demand)',
    example: yaml.stringify({
      steps: [
        {
          id: 'destroy',
          action: 'environment:destroy',
          name: 'Shut staging down',
          input: { environmentRef: 'environment:default/macro-ai-api-staging' },
        },
      ],
    }),
  },
  {
    description:
      'Destroy a production environment: confirm repeats the stack name',
    example: yaml.stringify({
      steps: [
        {
          id: 'destroy',
          action: 'environment:destroy',
          name: 'Destroy production',
          input: {
            environmentRef: 'environment:default/macro-ai-api-production',
            confirm: 'MacroAiProductionStack',
          },
        },
      ],
    }),
  },
];
