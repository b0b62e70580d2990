import { useCallback, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTable, type ReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import type { SessionsFilter } from '../api/build-sessions-query';
import { ApiError } from '../api/api-error';
import { sessionQueries } from '../api/session-queries';
import { formatCount, plural } from '../../lib/format';
import { useColumnSizes, useColumnVisibility, useDensity, useDisplayZone } from '../preferences';
import {
  countActiveFilters,
  DEFAULT_SORT,
  includesToday,
  quoteLinkValue,
  reachesIntoArchive,
  resolveRange,
  type SessionSearch,
} from '../filters/session-search';
import { useUpdateSessionSearch } from '../filters/use-session-search';
import { signInPath } from '../../auth/safe-redirect';
import { columns, tableFeatureSet } from './columns';
import { columnIdForSortField, COLUMN_META, DEFAULT_VISIBILITY, gridLabel } from './column-defs';
import type { RowView } from './row-view';
import { SessionsGrid } from './sessions-grid';
import type { SessionPages } from './use-session-pages';
import { CopyLinkMenu } from './copy-link-menu';
import './sessions-table.css';

export type SessionsReactTable = ReactTable<typeof tableFeatureSet, RowView>;

const NO_ROWS: RowView[] = [];
const LIVE_REFRESH_MS = 10_000;
const SHOWN_IDS = 3;

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

interface SessionsTableProps {
  filter: SessionsFilter;
  search: SessionSearch;
  today: string;
}

export function SessionsTable({ filter, search, today }: SessionsTableProps) {
  const update = useUpdateSessionSearch();
  const [zone] = useDisplayZone();
  const [density] = useDensity();
  const [visibility, setVisibility] = useColumnVisibility();
  const [sizes, setSizes] = useColumnSizes();
  const sort = search.sort ?? DEFAULT_SORT;

  const sorting = useMemo<SortingState>(
    () => [{ id: columnIdForSortField(sort.field) ?? 'start', desc: sort.desc }],
    [sort.field, sort.desc],
  );
  const columnVisibility = useMemo(() => ({ ...DEFAULT_VISIBILITY, ...visibility }), [visibility]);

  const table = useTable({
    features: tableFeatureSet,
    columns,
    data: NO_ROWS,
    manualSorting: true,
    enableSortingRemoval: false,
    columnResizeMode: 'onEnd',
    state: { sorting, columnVisibility, columnSizing: sizes },
    onSortingChange: (updater) => {
      const next = resolve(updater, sorting)[0];
      const field = next && COLUMN_META[next.id]?.sortField;
      if (!next || !field) return;
      // A header click is a settled change: it pushes a history entry.
      update((s) => ({ ...s, sort: { field, desc: next.desc } }));
    },
    onColumnVisibilityChange: (updater) => setVisibility(resolve(updater, columnVisibility)),
    onColumnSizingChange: (updater) => setSizes(resolve(updater, sizes)),
  });

  const filterKey = JSON.stringify(filter);
  const openSession = useCallback((id: string) => update((s) => ({ ...s, session: id })), [update]);
  const range = resolveRange(search, today);
  const archived = search.archive === true;

  return (
    <SessionsGrid
      table={table}
      filter={filter}
      filterKey={filterKey}
      zone={zone}
      density={density}
      openSessionId={search.session}
      onOpen={openSession}
      ariaLabel={gridLabel(archived)}
    >
      {(pages) => (
        <ResultStatus
          pages={pages}
          filter={filter}
          search={search}
          today={today}
          liveRefresh={!archived && includesToday(range, today)}
          rangeText={`${range.startDate} to ${range.endDate}`}
          reachesArchive={!archived && reachesIntoArchive(range, today)}
        />
      )}
    </SessionsGrid>
  );
}

interface ResultStatusProps {
  pages: SessionPages;
  filter: SessionsFilter;
  search: SessionSearch;
  today: string;
  liveRefresh: boolean;
  rangeText: string;
  reachesArchive: boolean;
}

/** The line above the grid: the total, live or archived, new sessions, and the error or empty state. */
function ResultStatus({
  pages,
  filter,
  search,
  today,
  liveRefresh,
  rangeText,
  reachesArchive,
}: ResultStatusProps) {
  const { page0, rowCount } = pages;
  const update = useUpdateSessionSearch();
  const queryClient = useQueryClient();
  const archived = search.archive === true;
  const total = page0.data?.totalCount;

  // Live view: a cheap count of the same filter every ~10 s (paused while the tab is hidden).
  // New sessions never move the rows being read; they wait behind a button.
  const probe = useQuery({
    ...sessionQueries.count(filter),
    enabled: liveRefresh && page0.isSuccess && !page0.isPlaceholderData && total !== undefined,
    refetchInterval: LIVE_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
  const newCount = probe.data !== undefined && total !== undefined ? probe.data - total : 0;
  const showNew = () => {
    void queryClient.resetQueries({ queryKey: sessionQueries.filterKey(filter) });
    void queryClient.invalidateQueries({ queryKey: sessionQueries.count(filter).queryKey });
  };

  const error = page0.error;
  const isEmpty = page0.isSuccess && !page0.isPlaceholderData && rowCount === 0;

  return (
    <div className="results-status">
      <div className="results-line" aria-live="polite">
        <span className="results-count">
          {page0.isPending ? (
            'Loading sessions…'
          ) : total !== undefined ? (
            <>
              <strong>{formatCount(total)}</strong> {total === 1 ? 'session' : 'sessions'}
            </>
          ) : page0.data ? (
            <>
              <strong>{formatCount(rowCount)}</strong>
              {page0.data.hasMorePages ? '+' : ''} sessions
            </>
          ) : null}
        </span>
        <span className={`badge ${archived ? 'badge-info' : 'badge-live'}`}>
          {archived ? 'Archived' : 'Live'}
        </span>
        {liveRefresh && <span className="muted small">Refreshes every 10 s</span>}
        {newCount > 0 && (
          <button type="button" className="btn btn-small btn-primary" onClick={showNew}>
            {plural(newCount, 'new session')} — show
          </button>
        )}
        <span className="results-spacer" />
        <CopyLinkMenu search={search} today={today} />
      </div>
      <div className={`progress${page0.isFetching ? ' is-active' : ''}`} aria-hidden="true" />
      {page0.isError && <ErrorBanner error={error} onRetry={() => page0.refetch()} />}
      {!page0.isError && pages.pageErrors.length > 0 && (
        <div className="banner banner-warning" role="status">
          <div className="banner-body">
            Some rows could not be loaded: {errorMessage(pages.pageErrors[0])}
          </div>
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              queryClient.refetchQueries({ queryKey: sessionQueries.filterKey(filter), type: 'active' })
            }
          >
            Retry
          </button>
        </div>
      )}
      {isEmpty && (
        <EmptyState
          search={search}
          rangeText={rangeText}
          reachesArchive={reachesArchive}
          onWiden={() => update((s) => ({ ...s, range: '30d', start: undefined, end: undefined }))}
          onArchive={() => update((s) => ({ ...s, archive: true }))}
          onClear={() =>
            update((s) => ({ range: s.range, start: s.start, end: s.end, archive: s.archive, sort: s.sort }))
          }
        />
      )}
    </div>
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Unknown error';
}

function ErrorBanner({ error, onRetry }: { error: unknown; onRetry: () => void }) {
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
            <strong>Sessions could not be loaded.</strong> {errorMessage(error)}
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

/** "accounts a, b, c and 47 more": the filter panel lists them all. */
function idsTerm(noun: string, ids: string[] | undefined): string | undefined {
  if (!ids?.length) return undefined;
  const shown = ids.slice(0, SHOWN_IDS).map((id) => quoteLinkValue(id));
  const more = ids.length > SHOWN_IDS ? ` and ${ids.length - SHOWN_IDS} more` : '';
  return `${ids.length === 1 ? noun : `${noun}s`} ${shown.join(', ')}${more}`;
}

function EmptyState({
  search,
  rangeText,
  reachesArchive,
  onWiden,
  onArchive,
  onClear,
}: {
  search: SessionSearch;
  rangeText: string;
  reachesArchive: boolean;
  onWiden: () => void;
  onArchive: () => void;
  onClear: () => void;
}) {
  const active = countActiveFilters(search);
  const terms = [
    search.from && `From contains “${quoteLinkValue(search.from)}”`,
    search.to && `To contains “${quoteLinkValue(search.to)}”`,
    search.log && `Log contains “${quoteLinkValue(search.log)}”`,
    idsTerm('account', search.account),
    idsTerm('customer', search.customer),
    idsTerm('endpoint', search.endpoint),
    search.parent && `child sessions of ${quoteLinkValue(search.parent)}`,
  ].filter(Boolean);
  const wideRange =
    search.range === '30d' ||
    search.range === 'this-month' ||
    search.range === 'last-month' ||
    !!search.start;
  return (
    <div className="empty-state" role="status">
      <h2>No {search.archive ? 'archived' : 'live'} sessions found</h2>
      <p>
        Searched {rangeText} (UTC days){terms.length ? ` for ${terms.join('; ')}` : ''}.
      </p>
      <div className="empty-actions">
        {!wideRange && (
          <button type="button" className="btn" onClick={onWiden}>
            Widen to the last 30 days
          </button>
        )}
        {!search.archive && (reachesArchive || wideRange) && (
          <button type="button" className="btn" onClick={onArchive}>
            Search the archive
          </button>
        )}
        {active > 0 && (
          <button type="button" className="btn" onClick={onClear}>
            Clear {plural(active, 'filter')}
          </button>
        )}
      </div>
    </div>
  );
}
