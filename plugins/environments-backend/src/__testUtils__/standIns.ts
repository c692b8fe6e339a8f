import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { AwsStandIn } from '@stageline/aws-stand-in';
import { GithubStandIn } from '@stageline/github-stand-in';
import { HEALTH_URL, REPO } from './fixtures';

/** The health endpoint's answer; tests change it. */
export interface HealthAnswer {
  status: number;
  body: unknown;
  /** Never answer (a hanging endpoint). */
  hang?: boolean;
  /** Answer 302 with this Location instead. */
  redirectTo?: string;
  /** Requests the endpoint received. */
  requests: number;
}

/**
 * Every external edge replaced: GitHub REST, CloudFormation (`@stageline/aws-stand-in`, fresh for
 * each test) and the health URL through msw; CloudWatch and Cost Explorer through
 * aws-sdk-client-mock. Requests to the local test backend pass through.
 */
export function setupStandIns() {
  const github = new GithubStandIn();
  const health: HealthAnswer = {
    requests: 0,
    status: 200,
    body: {
      status: 'healthy',
      checks: { database: { status: 'healthy' }, redis: { status: 'healthy' } },
    },
  };
  const server = setupServer(
    ...github.handlers(),
    http.get(HEALTH_URL, async () => {
      health.requests++;
      if (health.hang) await new Promise(() => {});
      if (health.redirectTo) {
        return new HttpResponse(null, {
          status: 302,
          headers: { location: health.redirectTo },
        });
      }
      return HttpResponse.json(health.body as any, { status: health.status });
    }),
  );
  const cloudWatch = mockClient(CloudWatchClient);
  const costExplorer = mockClient(CostExplorerClient);
  const standIns = {
    github,
    health,
    server,
    /** AWS at the HTTP edge: CloudFormation (and STS, S3) as their references say. */
    aws: undefined as unknown as AwsStandIn,
    cloudWatch,
    costExplorer,
  };

  beforeAll(() =>
    server.listen({
      onUnhandledRequest(request, print) {
        const { hostname } = new URL(request.url);
        if (
          hostname === '127.0.0.1' ||
          hostname === 'localhost' ||
          hostname === '::1'
        )
          return;
        print.error();
      },
    }),
  );
  beforeEach(() => {
    github.reset();
    github.addRepo(REPO, ['develop', 'main', 'feature/login'], {
      defaultBranch: 'main',
    });
    health.status = 200;
    health.hang = false;
    health.redirectTo = undefined;
    health.requests = 0;
    health.body = {
      status: 'healthy',
      checks: { database: { status: 'healthy' }, redis: { status: 'healthy' } },
    };
    standIns.aws = new AwsStandIn(server);
    cloudWatch.reset();
    costExplorer.reset();
  });
  afterEach(() => {
    standIns.aws.assertNoBugs();
    server.resetHandlers();
  });
  afterAll(() => server.close());

  return standIns;
}
