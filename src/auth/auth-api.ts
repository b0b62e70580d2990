// The browser side of ServiceStack's sign-in, through the app's same-origin /api. The session lives in an
// HttpOnly cookie set by the server: nothing here stores a password or token.
import { queryOptions } from '@tanstack/react-query';

export interface CurrentUser {
  userName: string;
  displayName: string;
}

export interface Credentials {
  userName: string;
  password: string;
  rememberMe: boolean;
}

/** A failed auth call: the HTTP status and ServiceStack's responseStatus, or a network failure (status 0). */
export class AuthError extends Error {
  readonly status: number;
  readonly errorCode: string;
  constructor(status: number, errorCode: string, message: string) {
    super(message);
    this.name = 'AuthError';
    this.status = status;
    this.errorCode = errorCode;
  }
}

const JSON_HEADERS = { accept: 'application/json' };

async function request(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...init });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new AuthError(
      0,
      'NetworkError',
      'The server could not be reached. Check your connection and try again.',
    );
  }
}

async function authError(res: Response): Promise<AuthError> {
  let errorCode = res.statusText || 'Error';
  let message = '';
  try {
    const body: unknown = await res.json();
    const status = (body as { responseStatus?: { errorCode?: unknown; message?: unknown } } | null)
      ?.responseStatus;
    if (typeof status?.errorCode === 'string') errorCode = status.errorCode;
    if (typeof status?.message === 'string') message = status.message;
  } catch {
    // Not JSON (a proxy's HTML error page): fall back to the status below.
  }
  return new AuthError(res.status, errorCode, message || `The server answered ${res.status}.`);
}

function toUser(body: unknown): CurrentUser {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const userName = typeof record.userName === 'string' ? record.userName : '';
  const displayName =
    typeof record.displayName === 'string' && record.displayName ? record.displayName : userName;
  return { userName, displayName };
}

/**
 * Who is signed in: GET /api/auth. 401 (or no auth at all, 404) means nobody: null, never a redirect.
 * 204 is the sandbox without sign-in saying so: nobody, and no failed request in the console.
 */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser | null> {
  const res = await request('/api/auth', { headers: JSON_HEADERS, signal });
  if (res.status === 204 || res.status === 401 || res.status === 403 || res.status === 404) return null;
  if (!res.ok) throw await authError(res);
  return toUser(await res.json());
}

/** POST /api/auth/credentials; the server sets the session cookie. Throws AuthError (401: wrong credentials). */
export async function signIn(credentials: Credentials, signal?: AbortSignal): Promise<CurrentUser> {
  const res = await request('/api/auth/credentials', {
    method: 'POST',
    headers: { ...JSON_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
    signal,
  });
  if (!res.ok) throw await authError(res);
  return toUser(await res.json());
}

/** POST /api/auth/logout; the server clears the session cookie. */
export async function signOut(): Promise<void> {
  // A JSON body: a cross-site page cannot send one without a CORS preflight, so no CSRF question arises.
  const res = await request('/api/auth/logout', {
    method: 'POST',
    headers: { ...JSON_HEADERS, 'content-type': 'application/json' },
    body: '{}',
  });
  if (!res.ok && res.status !== 401) throw await authError(res);
}

export const authQueries = {
  all: () => ['auth'] as const,
  me: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'me'] as const,
      queryFn: ({ signal }) => fetchCurrentUser(signal),
      retry: false,
      staleTime: 5 * 60_000,
    }),
};
