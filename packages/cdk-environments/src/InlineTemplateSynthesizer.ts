import {
  BootstraplessSynthesizer,
  DockerImageAssetLocation,
  DockerImageAssetSource,
  FileAssetLocation,
  FileAssetSource,
} from 'aws-cdk-lib';

function refuse(what: string): never {
  throw new Error(
    `The stack adds a ${what}, but a template deployed inline (CloudFormation TemplateBody) cannot carry assets: ` +
      'deploy it with createApp (bin/app.js) and `cdk deploy` after `cdk bootstrap` instead',
  );
}

/**
 * Synthesizer of the templates that `synthesizeEnvironment` returns, which callers send straight
 * to CloudFormation. Unlike the default synthesizer it adds no `BootstrapVersion` parameter and no
 * `CheckBootstrapVersion` rule, so the template deploys in an account that was never set up
 * with `cdk bootstrap`; and it refuses assets (Lambda code or Docker images to upload), which
 * such a deploy could not publish.
 *
 * @public
 */
export class InlineTemplateSynthesizer extends BootstraplessSynthesizer {
  /** @throws Error: inline templates cannot carry file assets */
  addFileAsset(asset: FileAssetSource): FileAssetLocation {
    return refuse(`file asset (${asset.displayName ?? asset.sourceHash})`);
  }

  /** @throws Error: inline templates cannot carry Docker image assets */
  addDockerImageAsset(asset: DockerImageAssetSource): DockerImageAssetLocation {
    return refuse(
      `Docker image asset (${asset.displayName ?? asset.sourceHash})`,
    );
  }
}
