import { lazy, Suspense, useCallback, useEffect } from 'react';
import { useUtcToday } from '../lib/use-utc-today';
import { UserMenu } from '../auth/user-menu';
import { FilterPanel } from './filters/filter-panel';
import { DateRangeControl } from './filters/date-range-control';
import { UrlNotices } from './filters/url-notices';
import { toSessionsFilter } from './filters/session-search';
import { useSessionSearch, useUpdateSessionSearch } from './filters/use-session-search';
import { SessionsTable } from './table/sessions-table';
import { DisplaySettings } from './table/display-settings';
import './sessions-screen.css';

const SessionDrawer = lazy(() =>
  import('./detail/session-drawer').then((m) => ({ default: m.SessionDrawer })),
);

/** The screen support staff live in: filters, the range, the table, and the open session. */
export function SessionsScreen() {
  const search = useSessionSearch();
  const update = useUpdateSessionSearch();
  const today = useUtcToday();
  const filter = toSessionsFilter(search, today);

  const closeDrawer = useCallback(() => update(({ session: _closed, ...rest }) => rest), [update]);

  return (
    <div className="app-shell">
      <header className="app-header">
        <a className="app-title" href="/">
          <img src="/favicon.svg" alt="" width={20} height={20} />
          Session History
        </a>
        <div className="app-header-end">
          <DisplaySettings />
          <UserMenu />
        </div>
      </header>
      <div className="sessions-layout">
        <FilterPanel today={today} />
        <main className="sessions-main" aria-label="Sessions">
          <div className="sessions-toolbar">
            <DateRangeControl today={today} />
          </div>
          <UrlNotices />
          <SessionsTable filter={filter} search={search} today={today} />
        </main>
      </div>
      {search.session && (
        <Suspense fallback={null}>
          <SessionDrawer key={search.session} sessionId={search.session} onClose={closeDrawer} />
        </Suspense>
      )}
    </div>
  );
}
