import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { isApiError } from '../api/api-error';
import type { SessionDetail } from '../api/session-queries';

export interface SessionDetailBodyProps {
  /** The session's query: `data` is undefined until the first answer, null when nobody has it. */
  query: UseQueryResult<SessionDetail | null>;
  sessionId: string;
  /** What shows the session, once it is there. */
  children: (detail: SessionDetail) => ReactNode;
}

/**
 * The drawer's and the print page's body: the error banner when the session failed to load (above
 * the session still shown, when only a refresh failed), then placeholders, "not found", or the
 * session.
 */
export function SessionDetailBody({ query, sessionId, children }: SessionDetailBodyProps) {
  const detail = query.data;
  return (
    <>
      {query.isError && (
        <SessionDetailError
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
          stale={detail !== undefined}
        />
      )}
      {detail === undefined ? (
        !query.isError && <SessionDetailLoading />
      ) : detail === null ? (
        <SessionNotFound sessionId={sessionId} />
      ) : (
        children(detail)
      )}
    </>
  );
}

/** Placeholder blocks while the session loads. */
export function SessionDetailLoading() {
  return (
    <div className="detail-skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">Loading session…</span>
      {[70, 45, 60, 35, 80, 50, 65, 40].map((w, i) => (
        <div key={i} className="skeleton-bar" style={{ width: `${w}%` }} />
      ))}
    </div>
  );
}

export interface SessionDetailErrorProps {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
  /** What is shown is from an earlier answer: only the refresh failed. */
  stale?: boolean;
}

/** The server's own message, and a way to try again (or to sign in again after a 401). */
export function SessionDetailError({ error, onRetry, retrying, stale = false }: SessionDetailErrorProps) {
  const location = useLocation();
  const status = isApiError(error) ? error.status : undefined;
  const message = error instanceof Error ? error.message : 'The session could not be loaded.';
  return (
    <div className={`banner detail-banner ${stale ? 'banner-warning' : 'banner-error'}`} role="alert">
      <div className="banner-body">
        <strong>
          {stale
            ? 'Could not refresh this session; showing the last answer.'
            : 'The session could not be loaded.'}
        </strong>{' '}
        <span dir="auto">{message}</span>
        {status === 401 && (
          <>
            {' '}
            <Link to="/sign-in" search={{ redirect: location.href }}>
              Sign in again
            </Link>
          </>
        )}
      </div>
      <button type="button" className="btn btn-small" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}

/** Neither live nor archived sessions have this id. */
export function SessionNotFound({ sessionId }: { sessionId: string }) {
  return (
    <div className="detail-not-found">
      <p>
        <strong>No session with this id was found.</strong>
      </p>
      <p>
        Searched live sessions and the archive for <code dir="auto">{sessionId}</code>. Check the link; the
        session may have been deleted.
      </p>
    </div>
  );
}
