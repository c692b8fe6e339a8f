import type { ConfigReader } from '@backstage/config';
import {
  CloudFormationDeploymentProvider,
  FreezeWindow,
  GithubSourceControlProvider,
  PromotionEngine,
} from '@stageline/plugin-environments-node';
import { configuredAws } from './cloudFormationStandIn';
import { githubConfig } from './githubStandIn';

/**
 * The real promotion engine with GitHub from `config` (a token by default) and CloudFormation
 * through `aws`, polling GitHub without waiting.
 */
export function testPromotionEngine(
  options: {
    aws?: ReturnType<typeof configuredAws>;
    freezeWindows?: FreezeWindow[];
    config?: ConfigReader;
  } = {},
): PromotionEngine {
  return new PromotionEngine({
    sourceControl: GithubSourceControlProvider.fromConfig(
      options.config ?? githubConfig(),
      {
        polling: { attempts: 2, intervalMs: 0 },
      },
    ),
    deploymentProviders: [
      new CloudFormationDeploymentProvider(options.aws ?? configuredAws()),
    ],
    freezeWindows: options.freezeWindows,
  });
}
