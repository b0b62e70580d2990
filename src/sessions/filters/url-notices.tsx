import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { useLocation, useNavigate, useRouteContext } from '@tanstack/react-router';
import { parseSessionSearch } from './session-search';
import type { SessionsView } from '../view/sessions-view';

// The banner loads when a link had something to ignore: most links are clean.
const UrlNoticesBanner = lazy(() =>
  import('./url-notices-banner').then((m) => ({ default: m.UrlNoticesBanner })),
);

/**
 * Tells what a link had that could not be used (a bad date, an unknown sort, a stray key), and
 * rewrites the address to the view actually shown, so a copied link is clean.
 */
export function UrlNotices({ view }: { view: Pick<SessionsView, 'search' | 'notices'> }) {
  const { urlNotices } = useRouteContext({ from: '__root__' });
  const notices = useSyncExternalStore(urlNotices.subscribe, urlNotices.get);
  const { pathname, search: rawSearch } = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    // Only the sessions view's own address: on the way to /sign-in?redirect=… this is still mounted.
    if (pathname !== '/') return;
    const { search, notices: found } = parseSessionSearch(rawSearch as Record<string, unknown>);
    // The window is resolved in the display zone, which the link alone does not tell: an end before
    // its start shows only then, and the view shows the corrected times.
    const { start, end } = view.search;
    const corrected = view.notices.length > 0 && (search.start !== start || search.end !== end);
    if (corrected) urlNotices.add(view.notices);
    if (found.length > 0 || corrected)
      void navigate({ to: '/', search: corrected ? { ...search, start, end } : search, replace: true });
  }, [pathname, rawSearch, navigate, view, urlNotices]);

  if (notices.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <UrlNoticesBanner notices={notices} onDismiss={urlNotices.dismiss} />
    </Suspense>
  );
}
