import { useEffect, useSyncExternalStore } from 'react';
import { useLocation, useNavigate, useRouteContext } from '@tanstack/react-router';
import { parseSessionSearch } from './session-search';

/**
 * Tells what a link had that could not be used (a bad date, an unknown sort, a stray key), and
 * rewrites the address to the view actually shown, so a copied link is clean.
 */
export function UrlNotices() {
  const { urlNotices } = useRouteContext({ from: '__root__' });
  const notices = useSyncExternalStore(urlNotices.subscribe, urlNotices.get);
  const { pathname, search: rawSearch } = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    // Only the sessions view's own address: on the way to /sign-in?redirect=… this is still mounted.
    if (pathname !== '/') return;
    const { search, notices: found } = parseSessionSearch(rawSearch as Record<string, unknown>);
    if (found.length > 0) void navigate({ to: '/', search, replace: true });
  }, [pathname, rawSearch, navigate]);

  if (notices.length === 0) return null;
  return (
    <div className="banner banner-warning url-notices" role="status">
      <div className="banner-body">
        <strong>Parts of this link were ignored.</strong>
        <ul>
          {notices.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={urlNotices.dismiss}
        aria-label="Dismiss notice"
      >
        Dismiss
      </button>
    </div>
  );
}
