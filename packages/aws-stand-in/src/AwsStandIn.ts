import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { AwsIdentities, Identity } from './AwsIdentities';
import { CloudFormationFake } from './CloudFormationFake';
import { EcsFake } from './EcsFake';
import { RdsFake } from './RdsFake';
import { parseQueryBody, QueryError, queryResponse } from './queryProtocol';
import { S3Error } from './s3Protocol';
import { S3Fake } from './S3Fake';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-2';
/** The static credentials of the example account's deployer, as `aws.accounts` names them. */
export const DEPLOYER_KEYS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
/** The qualifier of `cdk bootstrap`'s default resources. */
export const QUALIFIER = 'hnb659fds';

const CFN_NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const RDS_NAMESPACE = 'http://rds.amazonaws.com/doc/2014-10-31/';

/**
 * A bug in the stand-in, answered as a client error so the SDK does not retry it for minutes;
 * `AwsStandIn.bugs` keeps them for the test to fail on.
 */
function standInBug(error: unknown) {
  return new QueryError(
    'StandInBug',
    `The AWS stand-in failed: ${(error as Error)?.stack ?? error}`,
  );
}

/** One request as it reached AWS. */
export type AwsRequest = {
  service:
    | 'cloudformation'
    | 'sts'
    | 's3'
    | 'ssm'
    | 'cloudtrail'
    | 'ecs'
    | 'rds';
  /** The query action, `X-Amz-Target` operation, or S3 `METHOD key?query`. */
  action: string;
  region: string;
  /** Access key id of the signer. */
  accessKeyId: string;
  params: Record<string, any>;
};

const CLOUDFORMATION_ACTIONS: Record<
  string,
  (fake: CloudFormationFake, params: Record<string, any>) => unknown
> = {
  DescribeStacks: (f, p) => f.describeStacks(p),
  DescribeStackEvents: (f, p) => f.describeStackEvents(p),
  DescribeStackResources: (f, p) => f.describeStackResources(p),
  ListStackResources: (f, p) => f.listStackResources(p),
  GetTemplate: (f, p) => f.getTemplate(p),
  GetTemplateSummary: (f, p) => f.getTemplateSummary(p),
  CreateChangeSet: (f, p) => f.createChangeSet(p),
  DescribeChangeSet: (f, p) => f.describeChangeSet(p),
  ListChangeSets: (f, p) => f.listChangeSets(p),
  DeleteChangeSet: (f, p) => f.deleteChangeSet(p),
  ExecuteChangeSet: (f, p) => f.executeChangeSet(p),
  DeleteStack: (f, p) => f.deleteStack(p),
  UpdateTerminationProtection: (f, p) => f.updateTerminationProtection(p),
  ContinueUpdateRollback: (f, p) => f.continueUpdateRollback(p),
  DetectStackDrift: (f, p) => f.detectStackDrift(p),
  DescribeStackDriftDetectionStatus: (f, p) =>
    f.describeStackDriftDetectionStatus(p),
  DescribeStackResourceDrifts: (f, p) => f.describeStackResourceDrifts(p),
  ListHookResults: f => f.listHookResults(),
};

function regionOf(request: Request): string {
  const scope = (request.headers.get('authorization') ?? '').match(
    /Credential=[^/]+\/\d+\/([^/]+)\//,
  );
  return scope?.[1] ?? REGION;
}

function xmlResponse(body: string, status = 200) {
  return new HttpResponse(body, {
    status,
    headers: { 'content-type': 'text/xml' },
  });
}

/**
 * AWS at the HTTP edge for the tests: the real SDK clients and the CDK toolkit library's own
 * clients sign and send real requests, msw hands them to fakes of CloudFormation (query
 * protocol, XML), STS (query protocol), SSM (JSON 1.1) and S3 (REST, XML), which answer in those
 * services' wire formats. Requests must be signed with known credentials. Every request is
 * recorded in `requests`.
 */
export class AwsStandIn {
  readonly requests: AwsRequest[] = [];
  /** Errors of the stand-in itself; a test that meets one is testing the stand-in. */
  readonly bugs: Error[] = [];
  readonly identities = new AwsIdentities();
  readonly s3 = new S3Fake();
  readonly #ssm = new Map<string, string>();
  readonly #cloudFormation = new Map<string, CloudFormationFake>();
  readonly #ecs = new Map<string, EcsFake>();
  readonly #rds = new Map<string, RdsFake>();
  readonly #denied = new Set<string>();
  readonly deployer: Identity;

  /** The msw server it answers on, for stand-ins of other services in the same test. */
  readonly server: SetupServer;

  constructor(server: SetupServer) {
    this.server = server;
    this.deployer = this.identities.addUser(
      ACCOUNT,
      'stageline-deployer',
      DEPLOYER_KEYS.accessKeyId,
      DEPLOYER_KEYS.secretAccessKey,
    );
    server.use(
      http.post(
        /^https:\/\/cloudformation\.[a-z0-9-]+\.amazonaws\.com\/?$/,
        ({ request }) =>
          this.#query(
            request,
            'cloudformation',
            CFN_NAMESPACE,
            (identity, region, action, params) => {
              const handler = CLOUDFORMATION_ACTIONS[action];
              if (!handler) {
                throw new QueryError(
                  'InvalidAction',
                  `Could not find operation ${action} for version 2010-05-15`,
                );
              }
              return handler(
                this.cloudFormation(region, identity.account),
                params,
              );
            },
          ),
      ),
      http.post(
        /^https:\/\/rds\.[a-z0-9-]+\.amazonaws\.com\/?$/,
        ({ request }) =>
          this.#query(
            request,
            'rds',
            RDS_NAMESPACE,
            (identity, region, action, params) =>
              this.rds(region, identity.account).handle(action, params),
          ),
      ),
      http.post(
        /^https:\/\/ecs\.[a-z0-9-]+\.amazonaws\.com\/?$/,
        ({ request }) =>
          this.#json(
            request,
            'ecs',
            'AmazonEC2ContainerServiceV20141113.',
            (identity, region, operation, params) =>
              this.ecs(region, identity.account).handle(operation, params),
          ),
      ),
      http.post(
        /^https:\/\/sts(\.[a-z0-9-]+)?\.amazonaws\.com\/?$/,
        ({ request }) =>
          this.#query(
            request,
            'sts',
            STS_NAMESPACE,
            (identity, _region, action, params) => {
              if (action === 'GetCallerIdentity') {
                return {
                  Arn: identity.arn,
                  UserId: identity.userId,
                  Account: identity.account,
                };
              }
              if (action === 'AssumeRole') {
                return this.identities.assumeRole(
                  identity,
                  params.RoleArn,
                  params.RoleSessionName,
                );
              }
              throw new QueryError(
                'InvalidAction',
                `Could not find operation ${action} for version 2011-06-15`,
              );
            },
          ),
      ),
      http.post(
        /^https:\/\/ssm\.[a-z0-9-]+\.amazonaws\.com\/?$/,
        async ({ request }) => {
          const target = (request.headers.get('x-amz-target') ?? '').replace(
            'AmazonSSM.',
            '',
          );
          const params = JSON.parse(await request.text());
          const region = regionOf(request);
          try {
            const identity = this.identities.signer(request.headers);
            this.#record('ssm', target, region, identity, params);
            if (target !== 'GetParameter') {
              throw new QueryError(
                'UnknownOperationException',
                `Unknown operation ${target}`,
              );
            }
            const value = this.#ssm.get(
              `${identity.account}/${region}/${params.Name}`,
            );
            if (value === undefined)
              throw new QueryError('ParameterNotFound', '');
            return HttpResponse.json(
              {
                Parameter: {
                  Name: params.Name,
                  Type: 'String',
                  Value: value,
                  Version: 1,
                  LastModifiedDate: 1.7e9,
                  ARN: `arn:aws:ssm:${region}:${identity.account}:parameter${params.Name}`,
                  DataType: 'text',
                },
              },
              { headers: { 'content-type': 'application/x-amz-json-1.1' } },
            );
          } catch (error) {
            const { code, message, status } = error as QueryError;
            return HttpResponse.json(
              { __type: code, message },
              {
                status,
                headers: { 'content-type': 'application/x-amz-json-1.1' },
              },
            );
          }
        },
      ),
      // CloudTrail (JSON 1.1), which the toolkit asks about a failed deploy: it has no events.
      http.post(
        /^https:\/\/cloudtrail\.[a-z0-9-]+\.amazonaws\.com\/?$/,
        ({ request }) => {
          const identity = this.identities.signer(request.headers);
          const target = request.headers.get('x-amz-target') ?? '';
          this.#record(
            'cloudtrail',
            target.split('.').pop() ?? target,
            regionOf(request),
            identity,
            {},
          );
          return HttpResponse.json(
            { Events: [] },
            { headers: { 'content-type': 'application/x-amz-json-1.1' } },
          );
        },
      ),
      http.all(
        /^https:\/\/([^/]+\.)?s3[.-]([a-z0-9-]+\.)?amazonaws\.com\//,
        ({ request }) => this.#s3(request),
      ),
    );
  }

  /**
   * No identity may call `service:Action` any more, as when no IAM policy allows it: the call
   * is answered 403 `AccessDenied` naming the caller and the action.
   */
  deny(action: string): void {
    this.#denied.add(action);
  }

  /** Throws the first error of the stand-in itself, for an `afterEach`. */
  assertNoBugs(): void {
    if (this.bugs.length) throw this.bugs[0];
  }

  /** CloudFormation of an account and region. */
  cloudFormation(region = REGION, account = ACCOUNT): CloudFormationFake {
    const key = `${account}/${region}`;
    let fake = this.#cloudFormation.get(key);
    if (!fake) {
      fake = new CloudFormationFake(region, account, {
        readTemplateUrl: url => this.s3.readUrl(url),
        ssmParameter: name => this.#ssm.get(`${account}/${region}/${name}`),
      });
      this.#cloudFormation.set(key, fake);
    }
    return fake;
  }

  /** Amazon ECS of an account and region. */
  ecs(region = REGION, account = ACCOUNT): EcsFake {
    const key = `${account}/${region}`;
    if (!this.#ecs.has(key)) this.#ecs.set(key, new EcsFake(region, account));
    return this.#ecs.get(key)!;
  }

  /** Amazon RDS of an account and region. */
  rds(region = REGION, account = ACCOUNT): RdsFake {
    const key = `${account}/${region}`;
    if (!this.#rds.has(key)) this.#rds.set(key, new RdsFake(region, account));
    return this.#rds.get(key)!;
  }

  setSsmParameter(
    name: string,
    value: string,
    region = REGION,
    account = ACCOUNT,
  ): void {
    this.#ssm.set(`${account}/${region}/${name}`, value);
  }

  /**
   * What `cdk bootstrap` (the modern template, version 21) leaves in an account and region: the
   * CDKToolkit stack and its outputs, the assets bucket, the version parameter and the roles.
   */
  bootstrap(
    options: { region?: string; account?: string; version?: number } = {},
  ) {
    const { region = REGION, account = ACCOUNT, version = 21 } = options;
    const bucket = `cdk-${QUALIFIER}-assets-${account}-${region}`;
    this.s3.createBucket(bucket, region, account);
    this.setSsmParameter(
      `/cdk-bootstrap/${QUALIFIER}/version`,
      String(version),
      region,
      account,
    );
    for (const role of [
      'deploy',
      'file-publishing',
      'image-publishing',
      'lookup',
      'cfn-exec',
    ]) {
      this.identities.addRole(
        account,
        `cdk-${QUALIFIER}-${role}-role-${account}-${region}`,
      );
    }
    this.cloudFormation(region, account).seedStack(
      'CDKToolkit',
      JSON.stringify({
        Resources: {
          StagingBucket: {
            Type: 'AWS::S3::Bucket',
            Properties: { BucketName: bucket },
          },
        },
        Outputs: {
          BucketName: { Value: bucket },
          BucketDomainName: { Value: `${bucket}.s3.${region}.amazonaws.com` },
          ImageRepositoryName: {
            Value: `cdk-${QUALIFIER}-container-assets-${account}-${region}`,
          },
          BootstrapVersion: { Value: String(version) },
        },
      }),
    );
    return { bucket };
  }

  /** `service:Action` of every request so far, in order. */
  calls(service?: AwsRequest['service']): string[] {
    return this.requests
      .filter(r => !service || r.service === service)
      .map(r => `${r.service}:${r.action}`);
  }

  #record(
    service: AwsRequest['service'],
    action: string,
    region: string,
    identity: { accessKeyId: string },
    params: Record<string, any>,
  ) {
    this.requests.push({
      service,
      action,
      region,
      accessKeyId: identity.accessKeyId,
      params,
    });
  }

  /** A JSON 1.1 service (`X-Amz-Target: <prefix><Operation>`), its errors as `{ __type, message }`. */
  async #json(
    request: Request,
    service: 'ecs',
    targetPrefix: string,
    handle: (
      identity: Identity,
      region: string,
      operation: string,
      params: Record<string, any>,
    ) => unknown,
  ) {
    const operation = (request.headers.get('x-amz-target') ?? '').replace(
      targetPrefix,
      '',
    );
    const params = JSON.parse((await request.text()) || '{}');
    const region = regionOf(request);
    const headers = { 'content-type': 'application/x-amz-json-1.1' };
    try {
      const identity = this.identities.signer(request.headers);
      this.#record(service, operation, region, identity, params);
      if (this.#denied.has(`${service}:${operation}`)) {
        throw new QueryError(
          'AccessDeniedException',
          `User: ${identity.arn} is not authorized to perform: ${service}:${operation}`,
          400,
        );
      }
      return HttpResponse.json(
        handle(identity, region, operation, params) as any,
        { headers },
      );
    } catch (error) {
      const queryError =
        error instanceof QueryError ? error : standInBug(error);
      if (queryError !== error) this.bugs.push(error as Error);
      return HttpResponse.json(
        { __type: queryError.code, message: queryError.message },
        { status: queryError.status, headers },
      );
    }
  }

  async #query(
    request: Request,
    service: 'cloudformation' | 'sts' | 'rds',
    namespace: string,
    handle: (
      identity: Identity,
      region: string,
      action: string,
      params: Record<string, any>,
    ) => unknown,
  ) {
    const { action, params } = parseQueryBody(await request.text());
    const region = regionOf(request);
    try {
      const identity = this.identities.signer(request.headers);
      this.#record(service, action, region, identity, params);
      if (this.#denied.has(`${service}:${action}`)) {
        throw new QueryError(
          'AccessDenied',
          `User: ${identity.arn} is not authorized to perform: ${service}:${action} because no identity-based policy allows the ${service}:${action} action`,
          403,
        );
      }
      const result = handle(identity, region, action, params);
      return xmlResponse(
        queryResponse(
          namespace,
          action,
          result as Record<string, unknown> | undefined,
        ),
      );
    } catch (error) {
      const queryError =
        error instanceof QueryError ? error : standInBug(error);
      if (queryError !== error) this.bugs.push(error as Error);
      return xmlResponse(queryError.toXml(namespace), queryError.status);
    }
  }

  async #s3(request: Request) {
    const url = new URL(request.url);
    const virtual = url.hostname.match(/^(.+)\.s3[.-]/);
    const path = decodeURIComponent(url.pathname.slice(1));
    const [bucket, key] = virtual
      ? [virtual[1], path]
      : [path.split('/')[0], path.split('/').slice(1).join('/')];
    try {
      const identity = this.identities.signer(request.headers);
      const query = url.searchParams;
      this.#record(
        's3',
        `${request.method} ${key}${query.size ? `?${query}` : ''}`,
        regionOf(request),
        identity,
        {
          Bucket: bucket,
          Key: key,
        },
      );
      const body = Buffer.from(await request.arrayBuffer());
      const response = this.s3.handle({
        method: request.method,
        bucket,
        key,
        query,
        headers: request.headers,
        body,
        account: identity.account,
      });
      return new HttpResponse(response.body ?? null, {
        status: response.status,
        headers: response.headers,
      });
    } catch (error) {
      const s3Error = this.#asS3Error(error);
      if (!s3Error) {
        this.bugs.push(error as Error);
        return new HttpResponse(standInBug(error).message, { status: 400 });
      }
      return new HttpResponse(
        request.method === 'HEAD' ? null : s3Error.toXml(),
        {
          status: s3Error.status,
          headers: { 'content-type': 'application/xml' },
        },
      );
    }
  }

  /** S3's own error for a refused signature; undefined for a bug of the stand-in. */
  #asS3Error(error: unknown): S3Error | undefined {
    if (error instanceof S3Error) return error;
    if (error instanceof QueryError) {
      return new S3Error(
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        403,
      );
    }
    return undefined;
  }
}
