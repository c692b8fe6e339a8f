import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from './App';

/**
 * What `app.packages: all` gives the app when the CLI bundles it: every frontend plugin and
 * module among this package's dependencies, main entry and `./alpha` (as
 * `@backstage/cli-module-build`'s package detection writes `window['__@backstage/discovered__']`).
 */
function discoverPackagesLikeTheCli() {
  const { dependencies } = require('../package.json');
  const modules = Object.keys(dependencies).flatMap(name => {
    const { backstage, exports } = require(`${name}/package.json`);
    if (
      !['frontend-plugin', 'frontend-plugin-module'].includes(backstage?.role)
    )
      return [];
    const entries = [name];
    if (exports && typeof exports === 'object' && './alpha' in exports)
      entries.push(`${name}/alpha`);
    return entries.map(entry => ({ name, default: require(entry).default }));
  });
  (window as any)['__@backstage/discovered__'] = { modules };
}

/**
 * The app as a user opens it, with config as `APP_CONFIG` (how the frontend reads it in tests).
 * The backend URL refuses connections, so nothing here reaches a running backend.
 */
function renderApp() {
  process.env.APP_CONFIG = [
    {
      data: {
        app: {
          title: 'Stageline test',
          baseUrl: 'http://localhost:3000',
          packages: 'all',
        },
        backend: { baseUrl: 'http://127.0.0.1:9' },
      },
      context: 'test',
    },
  ] as any;
  return render(App.createRoot());
}

describe('App', () => {
  const env = process.env;
  // loading every plugin package takes a few seconds, once
  beforeAll(discoverPackagesLikeTheCli, 60_000);
  beforeEach(() => {
    process.env = { ...env };
    localStorage.clear();
  });
  afterAll(() => {
    process.env = env;
  });

  it('asks a signed-out user to enter as guest', async () => {
    renderApp();
    expect(
      await screen.findByRole('button', { name: 'Enter' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Guest')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  }, 15_000);

  it('lists Environments in the sidebar once the guest is signed in', async () => {
    // no auth backend answers here, so the guest provider asks whether to fall back to its
    // legacy (frontend-only) guest identity: say yes
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    renderApp();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Enter' }, { timeout: 10_000 }),
    );
    expect(confirm).toHaveBeenCalledWith(
      expect.stringMatching(/fallback to the legacy guest token/),
    );
    const nav = await screen.findByRole('navigation', {}, { timeout: 10_000 });
    const link = await within(nav).findByRole('link', {
      name: /Environments/,
    });
    expect(link).toHaveAttribute('href', '/environments');
  }, 20_000);
});
