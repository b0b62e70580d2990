import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/msw-server';
import { createTestQueryClient } from '../../test/render';
import { SignInPage } from './sign-in-page';
import { UserMenu } from './user-menu';

function renderWithClient(ui: React.ReactElement) {
  const queryClient = createTestQueryClient();
  const user = userEvent.setup();
  render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return { user, queryClient };
}

const DEMO = { userId: '1', sessionId: 's', userName: 'demo@evovoice.test', displayName: 'Demo Agent' };

describe('SignInPage', () => {
  it('posts the credentials as JSON and returns to the redirect path', async () => {
    let posted: unknown;
    server.use(
      http.post('*/api/auth/credentials', async ({ request }) => {
        posted = await request.json();
        return HttpResponse.json(DEMO);
      }),
    );
    const onSignedIn = vi.fn();
    const { user } = renderWithClient(
      <SignInPage redirect="/?from=%2B15035550100&range=7d" onSignedIn={onSignedIn} />,
    );
    await user.type(screen.getByLabelText('Email'), 'demo@evovoice.test');
    await user.type(screen.getByLabelText('Password'), 'demo-password');
    await user.click(screen.getByLabelText('Keep me signed in'));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('/?from=%2B15035550100&range=7d'));
    expect(posted).toEqual({ userName: 'demo@evovoice.test', password: 'demo-password', rememberMe: true });
    expect(window.location.href).not.toContain('demo-password');
    expect(JSON.stringify({ ...localStorage })).not.toContain('demo-password');
  });

  it.each(['//evil.example', 'https://evil.example', '/\\evil.example', undefined])(
    'goes to / instead of the unsafe redirect %s',
    async (redirect) => {
      server.use(http.post('*/api/auth/credentials', () => HttpResponse.json(DEMO)));
      const onSignedIn = vi.fn();
      const { user } = renderWithClient(<SignInPage redirect={redirect} onSignedIn={onSignedIn} />);
      await user.type(screen.getByLabelText('Email'), 'demo@evovoice.test');
      await user.type(screen.getByLabelText('Password'), 'pw');
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('/'));
    },
  );

  it("shows the server's message on 401 and stays on the page", async () => {
    server.use(
      http.post('*/api/auth/credentials', () =>
        HttpResponse.json(
          { responseStatus: { errorCode: 'Unauthorized', message: 'Invalid UserName or Password' } },
          { status: 401 },
        ),
      ),
    );
    const onSignedIn = vi.fn();
    const { user } = renderWithClient(<SignInPage onSignedIn={onSignedIn} />);
    await user.type(screen.getByLabelText('Email'), 'demo@evovoice.test');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid UserName or Password');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('is busy while signing in', async () => {
    let release: () => void = () => {};
    server.use(
      http.post('*/api/auth/credentials', async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return HttpResponse.json(DEMO);
      }),
    );
    const { user } = renderWithClient(<SignInPage onSignedIn={() => {}} />);
    await user.type(screen.getByLabelText('Email'), 'demo@evovoice.test');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: 'Signing in…' })).toBeDisabled();
    release();
  });

  it('uses a POST form, so a native submit never puts the password in the URL', () => {
    renderWithClient(<SignInPage onSignedIn={() => {}} />);
    expect(screen.getByRole('form', { name: 'Sign in to Session History' })).toHaveAttribute(
      'method',
      'post',
    );
  });
});

describe('UserMenu', () => {
  it('shows nothing when GET /api/auth answers 401', async () => {
    const { queryClient } = renderWithClient(<UserMenu />);
    await waitFor(() => expect(queryClient.getQueryState(['auth', 'me'])?.status).toBe('success'));
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('shows nothing, without an error, when GET /api/auth answers 204 (a sandbox without sign-in)', async () => {
    server.use(http.get('*/api/auth', () => new HttpResponse(null, { status: 204 })));
    const { queryClient } = renderWithClient(<UserMenu />);
    await waitFor(() => expect(queryClient.getQueryState(['auth', 'me'])?.status).toBe('success'));
    expect(queryClient.getQueryData(['auth', 'me'])).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('shows the display name and signs out', async () => {
    let loggedOut = false;
    server.use(
      http.get('*/api/auth', () => HttpResponse.json(DEMO)),
      http.post('*/api/auth/logout', () => {
        loggedOut = true;
        return HttpResponse.json({});
      }),
    );
    const onSignedOut = vi.fn();
    const { user } = renderWithClient(<UserMenu onSignedOut={onSignedOut} />);
    expect(await screen.findByText('Demo Agent')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalled());
    expect(loggedOut).toBe(true);
  });
});
