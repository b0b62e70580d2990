import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { AuthError, authQueries, signIn, type Credentials } from './auth-api';
import { safeRedirect } from './safe-redirect';
import './auth.css';

export interface SignInPageProps {
  /** The `redirect` search param; validated here, so pass it as it came. */
  redirect?: string;
  /** Where to go once signed in; default: the router's history, or a page load outside a router. */
  onSignedIn?: (target: string) => void;
}

function errorMessage(error: unknown): string {
  if (error instanceof AuthError) {
    if (error.status === 401) return error.message || 'Wrong email or password.';
    if (error.status === 0) return error.message;
    return `Could not sign in: ${error.message}`;
  }
  return 'Could not sign in. Please try again.';
}

/** The sign-in form: email, password, "Keep me signed in"; returns to `redirect` (a same-origin path). */
export function SignInPage({ redirect, onSignedIn }: SignInPageProps) {
  const router = useRouter({ warn: false }) as ReturnType<typeof useRouter> | null;
  const queryClient = useQueryClient();
  const id = useId();
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(false);

  const mutation = useMutation({
    mutationFn: (credentials: Credentials) => signIn(credentials),
    onSuccess: async (user) => {
      queryClient.setQueryData(authQueries.me().queryKey, user);
      // Queries that failed with 401 before signing in must run again.
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== authQueries.all()[0],
      });
      const target = safeRedirect(redirect);
      if (onSignedIn) onSignedIn(target);
      else if (router) router.history.push(target);
      else window.location.assign(target);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate({ userName: userName.trim(), password, rememberMe });
  };

  const errorId = `${id}-error`;
  const busy = mutation.isPending;
  return (
    <main className="auth-page">
      {/* method=post: if scripts ever fail, a native submit must not put the password into the URL. */}
      <form className="auth-card" method="post" onSubmit={submit} aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`} className="auth-title">
          Sign in to Session History
        </h1>
        <p className="auth-hint">Use your Evo Voice account.</p>

        {mutation.isError && (
          <p id={errorId} className="auth-error" role="alert">
            {errorMessage(mutation.error)}
          </p>
        )}

        <div className="auth-field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            name="userName"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            autoFocus
            value={userName}
            onChange={(e) => setUserName(e.target.value)}
            aria-describedby={mutation.isError ? errorId : undefined}
            aria-invalid={
              mutation.error instanceof AuthError && mutation.error.status === 401 ? true : undefined
            }
          />
        </div>

        <div className="auth-field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={mutation.isError ? errorId : undefined}
            aria-invalid={
              mutation.error instanceof AuthError && mutation.error.status === 401 ? true : undefined
            }
          />
        </div>

        <label className="auth-check">
          <input
            type="checkbox"
            name="rememberMe"
            checked={rememberMe}
            onChange={(e) => setRememberMe(e.target.checked)}
          />
          Keep me signed in
        </label>

        <button type="submit" className="auth-submit" disabled={busy} aria-busy={busy || undefined}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
