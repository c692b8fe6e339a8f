import {
  CloudFormationClient,
  paginateDescribeStacks,
} from '@aws-sdk/client-cloudformation';
import { setupServer } from 'msw/node';
import { ACCOUNT, AwsStandIn, DEPLOYER_KEYS, REGION } from './AwsStandIn';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TEMPLATE = JSON.stringify({
  Resources: { Queue: { Type: 'AWS::SQS::Queue' } },
});

/**
 * DescribeStacks without a stack name lists every stack of the account and region but deleted
 * ones, with their tags, a page at a time with NextToken (AWS CloudFormation API Reference,
 * DescribeStacks), through the real SDK's paginator.
 */
describe('DescribeStacks of every stack', () => {
  it('pages through the live stacks of one account and region, with their tags', async () => {
    const aws = new AwsStandIn(server);
    const cloudFormation = aws.cloudFormation();
    cloudFormation.describeStacksPageSize = 2;
    for (const name of ['AStack', 'BStack', 'CStack', 'DStack', 'EStack']) {
      cloudFormation.seedStack(name, TEMPLATE, {
        tags: [{ Key: 'team', Value: name }],
      });
    }
    cloudFormation.startDelete('BStack');
    while (cloudFormation.stack('BStack'))
      cloudFormation.describeStacks({ StackName: 'BStack' });
    aws.cloudFormation('us-east-1').seedStack('ElsewhereStack', TEMPLATE);

    const client = new CloudFormationClient({
      region: REGION,
      credentials: DEPLOYER_KEYS,
    });
    const pages = [];
    for await (const page of paginateDescribeStacks({ client }, {}))
      pages.push(page.Stacks ?? []);
    expect(
      pages.map(page => page.map(s => [s.StackName, s.Tags?.[0]?.Value])),
    ).toEqual([
      [
        ['AStack', 'AStack'],
        ['CStack', 'CStack'],
      ],
      [
        ['DStack', 'DStack'],
        ['EStack', 'EStack'],
      ],
    ]);
    expect(
      pages
        .flat()
        .every(s => s.StackId?.includes(`:${REGION}:${ACCOUNT}:stack/`)),
    ).toBe(true);
  });
});
