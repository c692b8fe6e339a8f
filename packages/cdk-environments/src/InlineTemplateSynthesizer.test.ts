import { App, Stack } from 'aws-cdk-lib';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { InlineTemplateSynthesizer } from './InlineTemplateSynthesizer';

describe('InlineTemplateSynthesizer', () => {
  it('refuses a file asset, saying how to deploy such a stack instead', () => {
    const stack = new Stack(new App(), 'Test', {
      synthesizer: new InlineTemplateSynthesizer(),
    });
    expect(() => new Asset(stack, 'Code', { path: __filename })).toThrow(
      /^The stack adds a file asset \(Code\), but a template deployed inline \(CloudFormation TemplateBody\) cannot carry assets: deploy it with createApp \(bin\/app\.js\) and `cdk deploy` after `cdk bootstrap` instead$/,
    );
  });
});
