import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `environment:promote`, run by its examples test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Open (or reuse) the promotion pull request from staging to production',
    example: yaml.stringify({
      steps: [
        {
          id: 'promote',
          action: 'environment:promote',
          name: 'Promote staging',
          input: {
            environmentRef: 'environment:default/macro-ai-api-staging',
            strategy: 'pull-request',
          },
        },
      ],
    }),
  },
  {
    description: 'Dispatch the promote workflow for production',
    example: yaml.stringify({
      steps: [
        {
          id: 'promote',
          action: 'environment:promote',
          name: 'Promote staging by workflow',
          input: {
            environmentRef: 'environment:default/macro-ai-api-staging',
            strategy: 'workflow-dispatch',
          },
        },
      ],
    }),
  },
];
