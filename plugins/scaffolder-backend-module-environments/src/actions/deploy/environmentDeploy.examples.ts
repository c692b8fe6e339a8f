import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `environment:deploy`, run by its examples test. */
export const examples: TemplateExample[] = [
  {
    description: 'Deploy an environment from its catalog entity',
    example: yaml.stringify({
      steps: [
        {
          id: 'deploy',
          action: 'environment:deploy',
          name: 'Deploy staging',
          input: { environmentRef: 'environment:default/macro-ai-api-staging' },
        },
      ],
    }),
  },
  {
    description:
      'Deploy production at enterprise scale, tagging the stack with the release',
    example: yaml.stringify({
      steps: [
        {
          id: 'deploy',
          action: 'environment:deploy',
          name: 'Scale production up',
          input: {
            environmentRef: 'environment:default/macro-ai-api-production',
            scale: 'enterprise',
            tags: { 'stageline.dev/version': '1.4.0' },
            timeoutMinutes: 90,
          },
        },
      ],
    }),
  },
  {
    description:
      'Deploy by app, stage and region; the Environment in the catalog whose spec.deployment describes the stack decides who may',
    example: yaml.stringify({
      steps: [
        {
          id: 'deploy',
          action: 'environment:deploy',
          name: 'Deploy staging of macro-ai',
          input: {
            app: 'macro-ai',
            stage: 'staging',
            scale: 'hobby',
            region: 'eu-west-2',
            accountId: '123456789012',
          },
        },
      ],
    }),
  },
];
