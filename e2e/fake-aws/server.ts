/*
 * The fake AWS of the browser tests: `@stageline/aws-stand-in` (the tests' msw stand-in, which
 * answers CloudFormation in its query protocol and XML as the API Reference says) served over
 * HTTP on 127.0.0.1. scripts/e2e.sh points the app's AWS SDK clients at it with
 * AWS_ENDPOINT_URL, so every service is asked here; the request's signing scope names the
 * service and region. CloudWatch (AWS JSON 1.0) answers no alarms and Cost Explorer (JSON 1.1) a
 * month-to-date amount and, for the forecast, DataUnavailableException (too little history);
 * anything else is answered 400 and listed at GET /_e2e/unanswered.
 *
 * Seeded stacks (examples/environments.yaml):
 * - macro-ai-api's staging and production: UPDATE_COMPLETE, no commit tag (the promotion flow of
 *   the browser tests pushes to develop, so a tagged commit would block the deployed-version gate);
 * - MacroAiWebStagingStack: its CDK app's template, tagged with develop's head on the fake
 *   GitHub, one resource changed outside CloudFormation (drift);
 * - MacroAiWebProductionStack: tagged with main's head, stuck in UPDATE_ROLLBACK_FAILED after a
 *   failed update whose rollback failed too, so the Roll back button continues its rollback.
 *
 * Run: node -r sucrase/register/ts e2e/fake-aws/server.ts (E2E_FAKE_AWS_PORT, default 7098;
 * E2E_FAKE_GITHUB_URL and E2E_FAKE_GITHUB_TOKEN to read the branch heads).
 */
import http from 'node:http';
import { getResponse, type RequestHandler } from 'msw';
import type { SetupServer } from 'msw/node';
import { AwsStandIn } from '@stageline/aws-stand-in';
import { toFetchRequest } from '../lib/fetchRequest';

const PORT = Number(process.env.E2E_FAKE_AWS_PORT ?? 7098);
const handlers: RequestHandler[] = [];
const unanswered: string[] = [];
const aws = new AwsStandIn({
  use: (...added: RequestHandler[]) => handlers.unshift(...added),
} as unknown as SetupServer);

const topic = (name: string) => ({
  Type: 'AWS::SNS::Topic',
  Properties: { DisplayName: name },
});
const api = (memory: number, key: string) => ({
  ApiFunction: {
    Type: 'AWS::Lambda::Function',
    Properties: {
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      MemorySize: memory,
      Timeout: 10,
      Code: {
        S3Bucket: 'cdk-hnb659fds-assets-123456789012-eu-west-2',
        S3Key: `${key}.zip`,
      },
    },
  },
  HttpApi: {
    Type: 'AWS::ApiGatewayV2::Api',
    Properties: { Name: 'macro-ai', ProtocolType: 'HTTP' },
  },
});
const template = (resources: object) =>
  JSON.stringify({ Resources: resources });

async function branchHead(branch: string): Promise<string | undefined> {
  const base = process.env.E2E_FAKE_GITHUB_URL;
  if (!base) return undefined;
  const response = await fetch(
    `${base}/repos/acme/macro-ai/git/ref/heads/${branch}`,
    {
      headers: { authorization: `token ${process.env.E2E_FAKE_GITHUB_TOKEN}` },
    },
  );
  if (!response.ok) return undefined;
  return ((await response.json()) as { object: { sha: string } }).object.sha;
}

async function seed() {
  const fake = aws.cloudFormation();
  for (const name of ['MacroAiStagingStack', 'MacroAiProductionStack']) {
    fake.seedStack(name, template(api(512, 'macro-ai-api')), {
      status: 'UPDATE_COMPLETE',
    });
  }
  const develop = await branchHead('develop');
  const main = await branchHead('main');
  const commit = (sha?: string) =>
    sha ? [{ Key: 'stageline.dev/commit', Value: sha }] : [];
  fake.seedStack(
    'MacroAiWebStagingStack',
    template({ ...api(512, 'macro-ai-web'), Alerts: topic('alerts') }),
    { status: 'UPDATE_COMPLETE', tags: commit(develop) },
  );
  fake.driftResource('MacroAiWebStagingStack', 'ApiFunction', {
    status: 'MODIFIED',
    actual: { '/Properties/MemorySize': 2048, '/Properties/Timeout': 30 },
  });
  fake.seedStack(
    'MacroAiWebProductionStack',
    template({ ...api(512, 'macro-ai-web'), Alerts: topic('alerts') }),
    { tags: commit(main) },
  );
  fake.failNext('MacroAiWebProductionStack', {
    logicalId: 'Alerts',
    reason: 'Invalid parameter: DisplayName',
    rollbackReason: 'ApiFunction was changed outside CloudFormation',
  });
  fake.startUpdate(
    'MacroAiWebProductionStack',
    template({ ...api(1024, 'macro-ai-web-next'), Alerts: topic('alerts-2') }),
    commit(main),
  );
  fake.stepsPerLook = 100;
  fake.describeStacks({ StackName: 'MacroAiWebProductionStack' });
  fake.stepsPerLook = 3;
}

function scopeOf(authorization: string) {
  const [, region = 'us-east-1', service = ''] =
    /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(authorization) ?? [];
  return { region, service };
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify(body));
}

async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.url === '/_e2e/unanswered') {
    json(res, 200, [...unanswered, ...aws.bugs.map(bug => bug.message)]);
    return;
  }
  const { region, service } = scopeOf(req.headers.authorization ?? '');
  if (service === 'monitoring') {
    // CloudWatch speaks AWS JSON 1.0 in the SDK this repository uses: no alarm is in ALARM.
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify({ MetricAlarms: [], CompositeAlarms: [] }));
    return;
  }
  if (service === 'ce') {
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target.endsWith('GetCostAndUsage')) {
      json(res, 200, {
        ResultsByTime: [
          { Total: { UnblendedCost: { Amount: '0.31', Unit: 'USD' } } },
        ],
      });
    } else {
      json(res, 400, {
        __type: 'DataUnavailableException',
        message: 'Insufficient amount of historical data to generate forecast.',
      });
    }
    return;
  }
  const request = await toFetchRequest(
    req,
    `https://${service}.${region}.amazonaws.com`,
  );
  const response = await getResponse(handlers, request);
  if (!response) {
    unanswered.push(`${service} ${req.method} ${req.url}`);
    json(res, 400, {
      __type: 'UnknownOperationException',
      message: 'Not faked',
    });
    return;
  }
  const text = await response.text();
  if (/InvalidAction|UnknownOperation/.test(text)) {
    unanswered.push(`${service} ${text.slice(0, 200)}`);
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(text);
}

seed().then(() =>
  http
    .createServer((req, res) => {
      answer(req, res).catch(error => {
        res.writeHead(500);
        res.end(String(error));
      });
    })
    .listen(PORT, '127.0.0.1', () =>
      console.log(`fake AWS on http://127.0.0.1:${PORT}`),
    ),
);
