import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `environment:rollback`, run by its examples test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Roll staging back to its previous successful version (the Rollback button on the environment page runs this)',
    example: yaml.stringify({
      steps: [
        {
          id: 'rollback',
          action: 'environment:rollback',
          name: 'Roll back staging',
          input: { environmentRef: 'environment:default/macro-ai-api-staging' },
        },
      ],
    }),
  },
  {
    description:
      'Continue the failed rollback of a stack stuck in UPDATE_ROLLBACK_FAILED, leaving a resource fixed by hand as it is',
    example: yaml.stringify({
      steps: [
        {
          id: 'rollback',
          action: 'environment:rollback',
          name: 'Continue the rollback of production',
          input: {
            environmentRef: 'environment:default/macro-ai-api-production',
            resourcesToSkip: ['AlertsTopic'],
          },
        },
      ],
    }),
  },
];
