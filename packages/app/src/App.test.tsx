import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, setUpAppTests } from './__testUtils__/renderApp';

describe('App', () => {
  setUpAppTests();

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
