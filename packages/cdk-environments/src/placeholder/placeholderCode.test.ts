import { synthesizeEnvironment } from '../synthesizeEnvironment';
import { codeResources } from './placeholderCode';

describe('codeResources', () => {
  it('finds the placeholder code of every profile', () => {
    for (const scale of ['hobby', 'enterprise'] as const) {
      const { template } = synthesizeEnvironment({
        appName: 'macro-ai',
        stage: 'staging',
        scale,
        region: 'eu-west-2',
      });
      const code = codeResources(template);
      expect(code.length).toBeGreaterThan(0);
      expect(code.filter(c => !c.placeholder)).toEqual([]);
    }
  });

  it("tells a service's own code from the placeholder", () => {
    expect(
      codeResources({
        Resources: {
          Api: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              Code: {
                S3Bucket: 'cdk-hnb659fds-assets-123456789012-eu-west-2',
                S3Key: 'abc.zip',
              },
            },
          },
          Inline: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              Code: { ZipFile: 'exports.handler = async () => 1' },
            },
          },
          Task: {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: {
              ContainerDefinitions: [
                {
                  Image:
                    '123456789012.dkr.ecr.eu-west-2.amazonaws.com/api:1.4.0',
                },
              ],
            },
          },
          Topic: { Type: 'AWS::SNS::Topic' },
        },
      }).map(({ logicalId, placeholder, source }) => ({
        logicalId,
        placeholder,
        source,
      })),
    ).toEqual([
      {
        logicalId: 'Api',
        placeholder: false,
        source: 's3://cdk-hnb659fds-assets-123456789012-eu-west-2/abc.zip',
      },
      { logicalId: 'Inline', placeholder: false, source: 'inline code' },
      {
        logicalId: 'Task',
        placeholder: false,
        source: 'image 123456789012.dkr.ecr.eu-west-2.amazonaws.com/api:1.4.0',
      },
    ]);
  });
});
