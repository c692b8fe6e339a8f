import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import type { PromoteRequest } from '@stageline/plugin-environments-common';
import {
  BLOCKED_MESSAGES,
  buildComponentStatuses,
  buildCostSection,
  buildEnvironmentStatus,
  buildPromotionRecord,
} from '../__testUtils__/fixtures';
import {
  ENVIRONMENTS_BASE_URL,
  costHandler,
  listHandler,
  promoteHandler,
  promoteRefusal,
  promotionsHandler,
  statusHandler,
} from '../__testUtils__/environmentsServer';
import { EnvironmentsClient } from './EnvironmentsClient';

const server = setupServer();
registerMswTestHooks(server);

function createClient() {
  return new EnvironmentsClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: new MockFetchApi(),
  });
}

describe('EnvironmentsClient', () => {
  it('lists a component’s environments by entity ref', async () => {
    const queries: URLSearchParams[] = [];
    server.use(listHandler(buildComponentStatuses(), queries));
    const items = await createClient().listEnvironments({
      entityRef: 'component:default/macro-ai-api',
    });
    expect(items.map(i => i.name)).toEqual([
      'macro-ai-api-pr-42',
      'macro-ai-api-staging',
      'macro-ai-api-production',
    ]);
    expect(queries[0].get('entityRef')).toBe('component:default/macro-ai-api');
  });

  it('lists all environments, filtered by owner and system when given', async () => {
    const queries: URLSearchParams[] = [];
    server.use(listHandler([], queries));
    await createClient().listEnvironments();
    await createClient().listEnvironments({
      owner: 'group:default/platform',
      system: 'system:default/macro-ai',
    });
    expect(queries.map(q => q.toString())).toEqual([
      '',
      'owner=group%3Adefault%2Fplatform&system=system%3Adefault%2Fmacro-ai',
    ]);
  });

  it('reads one status by namespace and name', async () => {
    server.use(statusHandler([buildEnvironmentStatus('production')]));
    const status = await createClient().getStatus(
      'environment:default/macro-ai-api-production',
    );
    expect(status.deployment.stackName).toBe('MacroAiProductionStack');
  });

  it('accepts a short ref and escapes path segments', async () => {
    let path = '';
    server.use(
      http.get(
        `${ENVIRONMENTS_BASE_URL}/environments/:namespace/:name/status`,
        ({ request }) => {
          path = new URL(request.url).pathname;
          return HttpResponse.json(buildEnvironmentStatus());
        },
      ),
    );
    await createClient().getStatus('team a/api staging');
    expect(path).toBe(
      '/api/environments/environments/team%20a/api%20staging/status',
    );
  });

  it('posts a promotion to the source environment with its body', async () => {
    const received: PromoteRequest[] = [];
    server.use(
      promoteHandler(() => HttpResponse.json(buildPromotionRecord()), received),
    );
    const record = await createClient().promote(
      'environment:default/macro-ai-api-staging',
      {
        strategy: 'merge',
        dryRun: true,
      },
    );
    expect(record.result).toBe('succeeded');
    expect(received).toEqual([{ strategy: 'merge', dryRun: true }]);
  });

  it('reads the promotion history and the what-if cost of another scale', async () => {
    const asked: string[] = [];
    server.use(
      promotionsHandler([
        buildPromotionRecord({ id: 'b' }),
        buildPromotionRecord({ id: 'a' }),
      ]),
      costHandler(
        { enterprise: buildCostSection({ scale: 'enterprise' }) },
        asked,
      ),
    );
    const client = createClient();
    expect(
      (await client.listPromotions('environment:default/x')).map(r => r.id),
    ).toEqual(['b', 'a']);
    expect(
      (await client.getCost('environment:default/x', { scale: 'enterprise' }))
        .scale,
    ).toBe('enterprise');
    expect(asked).toEqual(['enterprise']);
  });

  it('throws a ResponseError carrying the backend’s error', async () => {
    server.use(
      promoteHandler(() => promoteRefusal(409, BLOCKED_MESSAGES.checksFailing)),
    );
    const error = await createClient()
      .promote('environment:default/macro-ai-api-staging', {})
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(409);
    expect(error.body.error).toEqual({
      name: 'ConflictError',
      message: BLOCKED_MESSAGES.checksFailing,
    });
  });
});
