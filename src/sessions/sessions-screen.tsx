import { lazy, Suspense, useCallback, useEffect } from 'react';
import { useWhenIdle } from '../ui/use-when-idle';
import { FilterSlot } from './filters/filter-sheet';
import { DateRangeControl } from './filters/date-range-control';
import { UrlNotices } from './filters/url-notices';
import { countActiveFilters } from './filters/session-search';
import { useFiltersOpen } from './filters/use-filters-open';
import { useSessionSearch, useUpdateSessionSearch } from './filters/use-session-search';
import { useSessionsView } from './view/use-sessions-view';
import { SessionsTable } from './table/sessions-table';
import { DisplaySettings } from './table/display-settings';
import { useShortcutsKey } from './shortcuts';
import './sessions-screen.css';

// Only signed-in users of a real Evo Voice have a menu: its code and its /api/auth request wait
// until the browser is first idle (useWhenIdle), so they do not compete with the first rows.
const UserMenu = lazy(() => import('../auth/user-menu').then((m) => ({ default: m.UserMenu })));
// The sheet of shortcuts opens only on `?`: its code loads then. (The drawer, a lazy chunk itself,
// imports it directly: a lazy import in a module the drawer shares with this screen makes the
// bundler split the first screen's shared modules into chunks of their own.)
const ShortcutsSheet = lazy(() => import('./shortcuts-sheet').then((m) => ({ default: m.ShortcutsSheet })));

/** The screen support staff live in: filters, the range, the table, and the open session. */
export function SessionsScreen() {
  const search = useSessionSearch();
  const update = useUpdateSessionSearch();
  const { view, reanchor } = useSessionsView(search);

  const openId = search.session;
  const closeDrawer = useCallback(async () => {
    await update(({ session: _closed, ...rest }) => rest);
    // Back to the row the session was opened from, when it is on screen.
    if (openId) document.querySelector<HTMLElement>(`[data-session-id="${CSS.escape(openId)}"]`)?.focus();
  }, [update, openId]);

  const [shortcutsOpen, setShortcutsOpen] = useShortcutsKey(!search.session);
  const menuReady = useWhenIdle();
  const [filtersOpen, setFiltersOpen, filtersAsSheet] = useFiltersOpen();
  const activeFilters = countActiveFilters(search);

  // `/` jumps to the search, as in most tools of the kind (not while typing in a field).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      event.preventDefault();
      setFiltersOpen(true);
      // The panel may have been folded away: focus once it is shown.
      requestAnimationFrame(() => {
        const input = document.querySelector<HTMLInputElement>('aside input[type="search"]');
        input?.focus();
        input?.select();
      });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [setFiltersOpen]);

  return (
    <div className="app-shell">
      {/* The filter panel comes first in the page: keyboard users can go straight to the sessions. */}
      <a
        className="skip-link"
        href="#sessions-main"
        onClick={(e) => {
          // Focus only: a fragment in the address would travel with every link copied from it.
          e.preventDefault();
          document.getElementById('sessions-main')?.focus();
        }}
      >
        Skip to sessions
      </a>
      <header className="app-header">
        <a className="app-title" href="/">
          <img src="/favicon.svg" alt="" width={20} height={20} />
          Session History
        </a>
        <div className="app-header-end">
          <DisplaySettings />
          {menuReady && (
            <Suspense fallback={null}>
              <UserMenu />
            </Suspense>
          )}
        </div>
      </header>
      <div className="sessions-layout">
        <FilterSlot
          id="filter-panel"
          view={view}
          open={filtersOpen}
          asSheet={filtersAsSheet}
          onClose={() => setFiltersOpen(false)}
        />
        <main id="sessions-main" className="sessions-main" aria-label="Sessions" tabIndex={-1}>
          <div className="sessions-toolbar">
            <button
              type="button"
              className="btn"
              aria-expanded={filtersOpen}
              aria-controls="filter-panel"
              onClick={() => setFiltersOpen(!filtersOpen)}
            >
              {filtersOpen ? 'Hide filters' : activeFilters > 0 ? `Filters (${activeFilters})` : 'Filters'}
            </button>
            <DateRangeControl view={view} />
          </div>
          <UrlNotices view={view} />
          <SessionsTable
            view={view}
            openSessionId={search.session}
            onCloseSession={closeDrawer}
            onReanchor={reanchor}
          />
        </main>
      </div>
      {/* The drawer has its own sheet, inside its dialog. */}
      {shortcutsOpen && !search.session && (
        <Suspense fallback={null}>
          <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
