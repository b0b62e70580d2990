// What a failed result says: the server's words, or that the sign-in has expired, and the way on.
import { ApiError } from '../api/api-error';
import { signInPath } from '../../auth/safe-redirect';

export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const unauthorized = error instanceof ApiError && error.status === 401;
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-body">
        {unauthorized ? (
          <>
            <strong>Your sign-in has expired.</strong> Sign in again to see sessions; this view will be kept.
          </>
        ) : (
          <>
            <strong>Sessions could not be loaded.</strong>{' '}
            {error instanceof Error ? error.message : 'Unknown error'}
            {error instanceof ApiError && error.fieldErrors.length > 0 && (
              <ul className="field-errors">
                {error.fieldErrors.map((f, i) => (
                  <li key={i}>
                    {f.fieldName ? `${f.fieldName}: ` : ''}
                    {f.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {unauthorized ? (
        <a
          className="btn btn-small btn-primary"
          href={signInPath(window.location.pathname + window.location.search)}
        >
          Sign in
        </a>
      ) : (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
