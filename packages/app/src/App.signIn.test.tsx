import { screen } from '@testing-library/react';
import { renderApp, setUpAppTests } from './__testUtils__/renderApp';

/** The production sign-in page (app-config.production.yaml sets app.signInProviders). */
describe('App sign-in in production', () => {
  setUpAppTests();

  it('offers only GitHub sign-in with the production setting app.signInProviders: [github]', async () => {
    renderApp({ signInProviders: ['github'] });
    expect(
      await screen.findByRole(
        'button',
        { name: 'Sign In' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(document.body).toHaveTextContent(
      'GitHubSign in with your GitHub account',
    );
    expect(
      screen.queryByRole('button', { name: 'Enter' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Guest')).not.toBeInTheDocument();
  }, 15_000);
});
