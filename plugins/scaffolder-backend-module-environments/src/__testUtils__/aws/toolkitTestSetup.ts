import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { synthesizeEnvironment } from '@stageline/cdk-environments';
import { AwsStandIn } from '@stageline/aws-stand-in';
import { setupServer } from 'msw/node';
import { registerNetworkEdge } from '../networkEdge';

/**
 * The CDK toolkit library caches account ids under `$CDK_HOME` (default `~/.cdk`); tests keep
 * theirs in a temporary folder.
 */
export function useTemporaryCdkHome() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-cdk-home-'));
  const previous = process.env.CDK_HOME;
  beforeAll(() => {
    process.env.CDK_HOME = home;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CDK_HOME;
    else process.env.CDK_HOME = previous;
    fs.rmSync(home, { recursive: true, force: true });
  });
}

/**
 * AWS at the HTTP edge for a test file of the CDK toolkit library: msw, a temporary CDK home, a
 * fresh {@link AwsStandIn} before each test (after `setup`), and a test that fails when the
 * stand-in itself failed. Returns the current stand-in.
 */
export function useAwsStandIn(
  setup: (aws: AwsStandIn) => void = () => undefined,
) {
  const server = setupServer();
  registerNetworkEdge(server);
  useTemporaryCdkHome();
  let current: AwsStandIn | undefined;
  beforeEach(() => {
    current = new AwsStandIn(server);
    setup(current);
  });
  afterEach(() => current?.assertNoBugs());
  return () => current!;
}

/** The fixture repositories (`fixtures/` of this package). */
export const FIXTURES = path.resolve(__dirname, '../../../fixtures');

/** The reference template of a macro-ai environment (staging unless said) at a scale. */
export function referenceTemplate(
  scale: 'hobby' | 'enterprise' = 'hobby',
  stage: 'staging' | 'production' = 'staging',
) {
  const { template } = synthesizeEnvironment({
    appName: 'macro-ai',
    stage,
    scale,
    region: 'eu-west-2',
    account: '123456789012',
  });
  return template as {
    Resources: Record<
      string,
      { Type: string; Properties?: Record<string, any> }
    >;
  };
}

/**
 * The template with the service's own code in place of the placeholder: its Lambda function runs
 * a file asset from the bootstrap bucket, as after the service's own `cdk deploy`.
 */
export function withServiceCode(
  template: ReturnType<typeof referenceTemplate>,
) {
  const copy = structuredClone(template);
  for (const resource of Object.values(copy.Resources)) {
    if (resource.Type === 'AWS::Lambda::Function') {
      resource.Properties!.Code = {
        S3Bucket: 'cdk-hnb659fds-assets-123456789012-eu-west-2',
        S3Key:
          '6f2b2c1e5d4a39f0b7e8c9d1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5.zip',
      };
    }
  }
  return copy;
}
