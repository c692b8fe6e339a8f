import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `environment:github:setup`, run by its examples test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Staging deploys from develop only; production from main only, approved by the platform team',
    example: yaml.stringify({
      steps: [
        {
          id: 'github-environments',
          action: 'environment:github:setup',
          name: 'Set up GitHub environments',
          input: {
            repoUrl: 'github.com?owner=acme&repo=macro-ai',
            environments: [
              {
                name: 'staging',
                branches: ['develop'],
                variables: {
                  CDK_DEPLOY_ENV: 'staging',
                  CDK_DEPLOY_SCALE: 'hobby',
                },
              },
              {
                name: 'production',
                branches: ['main'],
                reviewers: ['group:default/platform'],
                waitTimer: 5,
                preventSelfReview: true,
                variables: {
                  CDK_DEPLOY_ENV: 'production',
                  CDK_DEPLOY_SCALE: 'hobby',
                },
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Add a deploy role secret to staging, passed in from the template secrets',
    example: yaml.stringify({
      steps: [
        {
          id: 'github-environments',
          action: 'environment:github:setup',
          name: 'Give staging its deploy role',
          input: {
            repoUrl: 'github.com?owner=acme&repo=macro-ai',
            environments: [
              {
                name: 'staging',
                branches: ['develop'],
                secrets: {
                  AWS_DEPLOY_ROLE_ARN: '${{ secrets.awsDeployRoleArn }}',
                },
              },
            ],
          },
        },
      ],
    }),
  },
];
