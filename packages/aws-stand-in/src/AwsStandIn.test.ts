import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { setupServer } from 'msw/node';
import {
  ACCOUNT,
  AwsStandIn,
  DEPLOYER_KEYS,
  QUALIFIER,
  REGION,
} from './AwsStandIn';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const STACK = 'MacroAiStagingStack';
const config = { region: REGION, credentials: DEPLOYER_KEYS };
const cfn = () => new CloudFormationClient(config);

const topic = (name: string) => ({
  Type: 'AWS::SNS::Topic',
  Properties: { DisplayName: name },
});
const template = (resources: Record<string, unknown>) =>
  JSON.stringify({ Resources: resources });

async function describeChangeSet(changeSetId: string) {
  return cfn().send(
    new DescribeChangeSetCommand({ ChangeSetName: changeSetId }),
  );
}

/**
 * The stand-in against the real AWS SDK clients, checked against the service references: AWS
 * CloudFormation API Reference (DescribeStacks, CreateChangeSet, DescribeChangeSet,
 * DeleteChangeSet, ExecuteChangeSet, DescribeStackEvents, GetTemplate, Common Errors), AWS STS
 * API Reference (GetCallerIdentity, AssumeRole), Amazon S3 API Reference (PutObject,
 * ListObjectsV2, GetObject).
 */
describe('AwsStandIn', () => {
  let aws: AwsStandIn;
  beforeEach(() => {
    aws = new AwsStandIn(server);
  });

  it('answers DescribeStacks for a missing stack with the ValidationError CloudFormation sends', async () => {
    await expect(
      cfn().send(new DescribeStacksCommand({ StackName: STACK })),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: `Stack with id ${STACK} does not exist`,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses requests signed with unknown credentials (InvalidClientTokenId, Common Errors)', async () => {
    const client = new CloudFormationClient({
      region: REGION,
      credentials: {
        accessKeyId: 'AKIAUNKNOWN000000000',
        secretAccessKey: 'x',
      },
    });
    await expect(
      client.send(new DescribeStacksCommand({})),
    ).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('works a change set out in the background: CREATE_IN_PROGRESS, then CREATE_COMPLETE with its changes, paged', async () => {
    aws.cloudFormation().seedStack(
      STACK,
      template({
        Kept: topic('kept'),
        Changed: topic('before'),
        Gone: topic('gone'),
      }),
    );
    aws.cloudFormation().changesPageSize = 1;
    const created = await cfn().send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'stageline-plan-1',
        ChangeSetType: 'UPDATE',
        TemplateBody: template({
          Kept: topic('kept'),
          Changed: topic('after'),
          Renamed: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'x' } },
        }),
      }),
    );
    expect(created.Id).toMatch(
      new RegExp(
        `^arn:aws:cloudformation:${REGION}:${ACCOUNT}:changeSet/stageline-plan-1/`,
      ),
    );

    const first = await describeChangeSet(created.Id!);
    expect(first).toMatchObject({
      Status: 'CREATE_IN_PROGRESS',
      ExecutionStatus: 'UNAVAILABLE',
    });
    expect(first.Changes).toEqual([]);

    const ready = await describeChangeSet(created.Id!);
    expect(ready).toMatchObject({
      Status: 'CREATE_COMPLETE',
      ExecutionStatus: 'AVAILABLE',
    });
    const changes = [...ready.Changes!];
    let next = ready.NextToken;
    while (next) {
      const page = await cfn().send(
        new DescribeChangeSetCommand({
          ChangeSetName: created.Id,
          NextToken: next,
        }),
      );
      changes.push(...page.Changes!);
      next = page.NextToken;
    }
    expect(changes.map(c => c.ResourceChange)).toEqual([
      expect.objectContaining({
        Action: 'Modify',
        LogicalResourceId: 'Changed',
        Replacement: 'False',
        Scope: ['Properties'],
      }),
      expect.objectContaining({ Action: 'Add', LogicalResourceId: 'Renamed' }),
      expect.objectContaining({ Action: 'Remove', LogicalResourceId: 'Gone' }),
    ]);
  });

  it('refuses to delete a change set while it is CREATE_IN_PROGRESS (DeleteChangeSet: InvalidChangeSetStatus)', async () => {
    aws.cloudFormation().seedStack(STACK, template({ A: topic('a') }));
    const { Id } = await cfn().send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'stageline-plan-1',
        TemplateBody: template({ A: topic('b') }),
      }),
    );

    await expect(
      cfn().send(new DeleteChangeSetCommand({ ChangeSetName: Id })),
    ).rejects.toMatchObject({
      name: 'InvalidChangeSetStatusException',
      message: 'Cannot delete ChangeSet in status CREATE_IN_PROGRESS',
      $metadata: { httpStatusCode: 400 },
    });
    await describeChangeSet(Id!);
    await describeChangeSet(Id!);
    await cfn().send(new DeleteChangeSetCommand({ ChangeSetName: Id }));
    await expect(describeChangeSet(Id!)).rejects.toMatchObject({
      name: 'ChangeSetNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('fails a change set that changes nothing, with the reason CloudFormation gives', async () => {
    aws.cloudFormation().seedStack(STACK, template({ A: topic('a') }));
    aws.cloudFormation().looksWhileCreating = 0;
    const { Id } = await cfn().send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'stageline-plan-1',
        TemplateBody: template({ A: topic('a') }),
      }),
    );
    expect(await describeChangeSet(Id!)).toMatchObject({
      Status: 'FAILED',
      ExecutionStatus: 'UNAVAILABLE',
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    });
  });

  it('executes a change set: the other change sets are deleted, events come newest first and paged, the template is the new one', async () => {
    const fake = aws.cloudFormation();
    fake.seedStack(STACK, template({ A: topic('a') }));
    fake.looksWhileCreating = 0;
    fake.eventsPageSize = 2;
    const create = (name: string, display: string) =>
      cfn().send(
        new CreateChangeSetCommand({
          StackName: STACK,
          ChangeSetName: name,
          TemplateBody: template({ A: topic(display), B: topic('b') }),
        }),
      );
    const other = await create('other', 'x');
    const mine = await create('mine', 'y');
    await describeChangeSet(mine.Id!);

    await cfn().send(
      new ExecuteChangeSetCommand({
        ChangeSetName: mine.Id,
        ClientRequestToken: 'token-1',
      }),
    );
    await expect(describeChangeSet(other.Id!)).rejects.toMatchObject({
      name: 'ChangeSetNotFoundException',
    });
    let status: string | undefined;
    do {
      const { Stacks } = await cfn().send(
        new DescribeStacksCommand({ StackName: STACK }),
      );
      status = Stacks?.[0].StackStatus;
    } while (status?.endsWith('_IN_PROGRESS'));
    expect(status).toBe('UPDATE_COMPLETE');
    expect(await describeChangeSet(mine.Id!)).toMatchObject({
      ExecutionStatus: 'EXECUTE_COMPLETE',
    });

    const firstPage = await cfn().send(
      new DescribeStackEventsCommand({ StackName: STACK }),
    );
    expect(firstPage.StackEvents).toHaveLength(2);
    expect(firstPage.StackEvents![0]).toMatchObject({
      LogicalResourceId: STACK,
      ResourceStatus: 'UPDATE_COMPLETE',
      ClientRequestToken: 'token-1',
    });
    const secondPage = await cfn().send(
      new DescribeStackEventsCommand({
        StackName: STACK,
        NextToken: firstPage.NextToken,
      }),
    );
    expect(secondPage.StackEvents![0].Timestamp!.getTime()).toBeLessThanOrEqual(
      firstPage.StackEvents![1].Timestamp!.getTime(),
    );
    const body = (
      await cfn().send(new GetTemplateCommand({ StackName: STACK }))
    ).TemplateBody;
    expect(JSON.parse(body!).Resources.A.Properties.DisplayName).toBe('y');
  });

  it('makes change sets OBSOLETE when the stack is updated directly, and refuses to execute them', async () => {
    const fake = aws.cloudFormation();
    fake.seedStack(STACK, template({ A: topic('a') }));
    fake.looksWhileCreating = 0;
    const { Id } = await cfn().send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'mine',
        TemplateBody: template({ A: topic('b') }),
      }),
    );
    fake.updateOutOfBand(STACK, template({ A: topic('c') }));

    expect(await describeChangeSet(Id!)).toMatchObject({
      Status: 'CREATE_COMPLETE',
      ExecutionStatus: 'OBSOLETE',
    });
    await expect(
      cfn().send(new ExecuteChangeSetCommand({ ChangeSetName: Id })),
    ).rejects.toMatchObject({ name: 'InvalidChangeSetStatusException' });
  });

  it('rolls back a failed update: the failed resource with its reason, then UPDATE_ROLLBACK_COMPLETE', async () => {
    const fake = aws.cloudFormation();
    fake.seedStack(STACK, template({ A: topic('a'), B: topic('b') }));
    fake.looksWhileCreating = 0;
    fake.stepsPerLook = 100;
    fake.failNext(STACK, {
      logicalId: 'B',
      reason: 'Invalid parameter: DisplayName',
    });
    const { Id } = await cfn().send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'mine',
        TemplateBody: template({ A: topic('a2'), B: topic('b2') }),
      }),
    );
    await cfn().send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    const { Stacks } = await cfn().send(
      new DescribeStacksCommand({ StackName: STACK }),
    );

    expect(Stacks![0].StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn().send(
      new DescribeStackEventsCommand({ StackName: STACK }),
    );
    expect(
      StackEvents!
        .slice(0, 10)
        .reverse()
        .map(
          e =>
            `${e.LogicalResourceId} ${e.ResourceStatus}${
              e.ResourceStatusReason ? `: ${e.ResourceStatusReason}` : ''
            }`,
        ),
    ).toEqual([
      `${STACK} UPDATE_IN_PROGRESS: User Initiated`,
      'A UPDATE_IN_PROGRESS',
      'A UPDATE_COMPLETE',
      'B UPDATE_IN_PROGRESS',
      'B UPDATE_FAILED: Invalid parameter: DisplayName',
      `${STACK} UPDATE_ROLLBACK_IN_PROGRESS: The following resource(s) failed to update: [B]. `,
      'A UPDATE_IN_PROGRESS',
      'A UPDATE_COMPLETE',
      `${STACK} UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS`,
      `${STACK} UPDATE_ROLLBACK_COMPLETE`,
    ]);
    expect(await describeChangeSet(Id!)).toMatchObject({
      ExecutionStatus: 'EXECUTE_FAILED',
    });
  });

  it('takes templates inline up to 51,200 bytes and larger ones by TemplateURL from S3', async () => {
    const { bucket } = aws.bootstrap();
    const big = template(
      Object.fromEntries(
        Array.from({ length: 700 }, (_, i) => [
          `Topic${i}`,
          topic(`topic number ${i}`),
        ]),
      ),
    );
    expect(Buffer.byteLength(big)).toBeGreaterThan(51_200);
    await expect(
      cfn().send(
        new CreateChangeSetCommand({
          StackName: STACK,
          ChangeSetName: 'big',
          ChangeSetType: 'CREATE',
          TemplateBody: big,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining(
        'Member must have length less than or equal to 51200',
      ),
    });

    const s3 = new S3Client(config);
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'cdk/big.json',
        Body: big,
        ChecksumAlgorithm: 'SHA256',
      }),
    );
    const created = await cfn().send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: 'big',
        ChangeSetType: 'CREATE',
        TemplateURL: `https://s3.${REGION}.amazonaws.com/${bucket}/cdk/big.json`,
      }),
    );
    expect(created.StackId).toBeDefined();
    const listed = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: 'cdk/big.json',
        MaxKeys: 1,
      }),
    );
    expect(listed.Contents).toEqual([
      expect.objectContaining({
        Key: 'cdk/big.json',
        Size: Buffer.byteLength(big),
      }),
    ]);
    const got = await s3.send(
      new GetObjectCommand({ Bucket: bucket, Key: 'cdk/big.json' }),
    );
    expect(await got.Body!.transformToString()).toBe(big);
  });

  it('resolves an SSM parameter and checks the template rules, as CDK bootstrap version checks need', async () => {
    const bootstrapped = (version: string) =>
      JSON.stringify({
        Parameters: {
          BootstrapVersion: {
            Type: 'AWS::SSM::Parameter::Value<String>',
            Default: `/cdk-bootstrap/${QUALIFIER}/version`,
          },
        },
        Rules: {
          CheckBootstrapVersion: {
            Assertions: [
              {
                Assert: {
                  'Fn::Not': [
                    {
                      'Fn::Contains': [
                        ['1', '2', '3', '4', '5'],
                        { Ref: 'BootstrapVersion' },
                      ],
                    },
                  ],
                },
                AssertDescription:
                  "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI.",
              },
            ],
          },
        },
        Resources: { A: topic('a') },
        Version: version,
      });
    const create = () =>
      cfn().send(
        new CreateChangeSetCommand({
          StackName: STACK,
          ChangeSetName: 'first',
          ChangeSetType: 'CREATE',
          TemplateBody: bootstrapped('1'),
        }),
      );
    await expect(create()).rejects.toMatchObject({
      name: 'ValidationError',
      message: `Unable to fetch parameters [/cdk-bootstrap/${QUALIFIER}/version] from parameter store for this account.`,
    });
    aws.setSsmParameter(`/cdk-bootstrap/${QUALIFIER}/version`, '5');
    await expect(create()).rejects.toMatchObject({
      message: expect.stringContaining(
        'CDK bootstrap stack version 6 required',
      ),
    });
    aws.setSsmParameter(`/cdk-bootstrap/${QUALIFIER}/version`, '21');
    await expect(create()).resolves.toMatchObject({
      StackId: expect.any(String),
    });
  });

  it('tells who is calling and hands out role credentials only for roles that exist (STS)', async () => {
    aws.bootstrap();
    const sts = new STSClient(config);
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:user/stageline-deployer`,
    });
    const role = `arn:aws:iam::${ACCOUNT}:role/cdk-${QUALIFIER}-deploy-role-${ACCOUNT}-${REGION}`;
    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 'stageline' }),
    );
    const asRole = new CloudFormationClient({
      region: REGION,
      credentials: {
        accessKeyId: assumed.Credentials!.AccessKeyId!,
        secretAccessKey: assumed.Credentials!.SecretAccessKey!,
        sessionToken: assumed.Credentials!.SessionToken!,
      },
    });
    await asRole.send(new DescribeStacksCommand({}));
    expect(aws.requests.at(-1)?.accessKeyId).toBe(
      assumed.Credentials!.AccessKeyId,
    );
    await expect(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/admin`,
          RoleSessionName: 'x',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
  });
});
