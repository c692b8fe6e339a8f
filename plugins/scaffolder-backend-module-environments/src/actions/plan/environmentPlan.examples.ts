import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `environment:plan`, run by its examples test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Plan an environment from its catalog entity: cost against its budget, and the changes',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          action: 'environment:plan',
          name: 'Plan staging',
          input: { environmentRef: 'environment:default/macro-ai-api-staging' },
        },
      ],
    }),
  },
  {
    description:
      'What would production cost at enterprise scale? The outputs say whether that fits a £300 budget',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          action: 'environment:plan',
          name: 'Plan enterprise scale',
          input: {
            environmentRef: 'environment:default/macro-ai-api-production',
            scale: 'enterprise',
            budget: 300,
          },
        },
      ],
    }),
  },
  {
    description: 'Stop the template when staging would go over its budget',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          action: 'environment:plan',
          name: 'Check the staging budget',
          input: {
            environmentRef: 'environment:default/macro-ai-api-staging',
            failOverBudget: true,
          },
        },
      ],
    }),
  },
  {
    description:
      'Plan a new staging environment of macro-ai-web, shut down out of hours; the plan warns if the component already has a staging Environment',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          action: 'environment:plan',
          name: 'Plan the new staging environment',
          input: {
            app: 'macro-ai-web',
            stage: 'staging',
            scale: 'enhanced-hobby',
            region: 'eu-west-2',
            accountId: '123456789012',
            budget: 20,
            currency: 'GBP',
            schedule: { shutdown: '0 18 * * 1-5', startup: '0 8 * * 1-5' },
            component: 'component:default/macro-ai-web',
          },
        },
      ],
    }),
  },
];
