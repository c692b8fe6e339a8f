import { render } from '@testing-library/react';
import App from '../App';

/**
 * What `app.packages: all` gives the app when the CLI bundles it: every frontend plugin and
 * module among this package's dependencies, main entry and `./alpha` (as
 * `@backstage/cli-module-build`'s package detection writes `window['__@backstage/discovered__']`).
 */
function discoverPackagesLikeTheCli() {
  const { dependencies } = require('../../package.json');
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
 * The app as a user opens it, with config as `APP_CONFIG` (how the frontend reads it in tests)
 * and `app` settings on top. An app reads its config once, on its first render: one config per
 * test file.
 * The backend URL refuses connections, so nothing here reaches a running backend.
 */
export function renderApp(app: object = {}) {
  process.env.APP_CONFIG = [
    {
      data: {
        app: {
          title: 'Stageline test',
          baseUrl: 'http://localhost:3000',
          packages: 'all',
          ...app,
        },
        backend: { baseUrl: 'http://127.0.0.1:9' },
      },
      context: 'test',
    },
  ] as any;
  return render(App.createRoot());
}

/**
 * Jest hooks every app test file needs: the discovered packages once, and for each test a
 * plain-object `process.env` (so `APP_CONFIG` can hold the config array) and no stored session.
 */
export function setUpAppTests() {
  const env = process.env;
  beforeAll(discoverPackagesLikeTheCli, 60_000);
  beforeEach(() => {
    process.env = { ...env };
    localStorage.clear();
  });
  afterAll(() => {
    process.env = env;
  });
}
