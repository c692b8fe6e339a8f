import { setTimeout as sleep } from 'node:timers/promises';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { setupServer } from 'msw/node';
import { AwsStandIn, DEPLOYER_KEYS, REGION } from '@stageline/aws-stand-in';
import { waitForStack } from './waitForStack';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const STACK = 'MacroAiStagingStack';

/** Against the CloudFormation stand-in, holding a stack whose update never ends. */
describe('waitForStack', () => {
  it('stops waiting between polls as soon as the task is cancelled', async () => {
    const aws = new AwsStandIn(server);
    aws
      .cloudFormation()
      .seedStack(
        STACK,
        JSON.stringify({ Resources: { A: { Type: 'AWS::SNS::Topic' } } }),
        { status: 'UPDATE_IN_PROGRESS' },
      );
    const controller = new AbortController();
    const waiting = waitForStack({
      cloudFormation: new CloudFormationClient({
        region: REGION,
        credentials: DEPLOYER_KEYS,
      }),
      stackId: STACK,
      // a poll interval past the test's timeout: only the cancellation can end this wait
      timing: { pollIntervalMs: 3_600_000, timeoutMs: 7_200_000 },
      onEvent: () => undefined,
      signal: controller.signal,
    });
    while (!aws.requests.some(r => r.action === 'DescribeStackEvents')) {
      await sleep(10);
    }
    controller.abort();

    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
