import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { buildEnvironmentStatus } from '../../__testUtils__/fixtures';
import { ENVIRONMENTS_BASE_URL } from '../../__testUtils__/environmentsServer';
import { renderWithEnvironments } from '../../__testUtils__/renderWithEnvironments';
import { ScheduleSummary } from './ScheduleSummary';

const server = setupServer();
registerMswTestHooks(server);

const STAGING = `${ENVIRONMENTS_BASE_URL}/environments/default/macro-ai-api-staging`;
const inHours = (hours: number) =>
  new Date(Date.now() + hours * 3_600_000).toISOString();

function recordPosts() {
  const posts: Array<{ path: string; body: unknown }> = [];
  server.use(
    http.post(`${STAGING}/:action`, async ({ request, params }) => {
      const text = await request.text();
      posts.push({
        path: String(params.action),
        body: text ? JSON.parse(text) : undefined,
      });
      return HttpResponse.json(
        { entityRef: 'environment:default/macro-ai-api-staging' },
        { status: 202 },
      );
    }),
  );
  return posts;
}

describe('ScheduleSummary', () => {
  it('says a stopped environment is stopped and when it starts, and starts it now', async () => {
    const posts = recordPosts();
    const onChanged = jest.fn();
    const status = buildEnvironmentStatus('staging', {
      schedule: {
        state: 'stopped',
        since: inHours(-2),
        nextStartup: inHours(60),
        method: 'dry-run',
      },
    });
    await renderWithEnvironments(
      <ScheduleSummary status={status} onChanged={onChanged} />,
    );
    expect(
      screen.getByText(
        /^Stopped since \d\d:\d\d( [A-Z][a-z]{2})? · starts \d\d:\d\d( [A-Z][a-z]{2})?$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^Dry run \(environments.schedules.dryRun\)/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop now' })).toBeNull();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Start now' }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(posts).toEqual([{ path: 'start', body: undefined }]);
  });

  it('stops a running environment now, or keeps it running until a time', async () => {
    const posts = recordPosts();
    const status = buildEnvironmentStatus('staging', {
      schedule: {
        state: 'running',
        nextShutdown: inHours(5),
        nextStartup: inHours(19),
      },
    });
    await renderWithEnvironments(<ScheduleSummary status={status} />);
    expect(screen.getByText(/^Running · stops \d\d:\d\d/)).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Stop now' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Keep running…' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Keep running until',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Keep running' }),
    );
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[0]).toEqual({ path: 'stop', body: undefined });
    expect(posts[1].path).toBe('keep-running');
    const until = Date.parse((posts[1].body as { until: string }).until);
    expect(Math.abs(until - (Date.now() + 3 * 3_600_000))).toBeLessThan(
      5 * 60_000,
    );
  });

  it('shows a failed stop with its error and next attempt', async () => {
    const status = buildEnvironmentStatus('staging', {
      schedule: {
        state: 'failed',
        lastAction: 'shutdown',
        error: 'ECS refused',
        nextAttemptAt: inHours(0.1),
      },
    });
    await renderWithEnvironments(<ScheduleSummary status={status} />);
    expect(
      screen.getByText(/^Stop failed: ECS refused · retrying \d\d:\d\d/),
    ).toBeInTheDocument();
  });
});
