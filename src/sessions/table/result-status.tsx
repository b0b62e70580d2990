// The line above the grid: the total, the store, new sessions in a live view, and the error,
// warning or empty state of the result. It renders when the result's counts or state change, not
// while the grid scrolls.
import { lazy, memo, Suspense, type CSSProperties, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../api/session-queries';
import { formatCount, plural } from '../../lib/format';
import { LIVE_REFRESH_MS } from '../session-display';
import { useUpdateSessionSearch } from '../filters/use-session-search';
import type { SessionsView } from '../view/sessions-view';
import type { ResultPart } from './use-sessions-result';
import { ExportMenu } from '../export/export-menu';
import { CopyLinkMenu } from './copy-link-menu';

// What an empty or failed result says loads when a result is empty or fails: most first screens have rows.
const EmptyState = lazy(() => import('./empty-state').then((m) => ({ default: m.EmptyState })));
const ErrorBanner = lazy(() => import('./error-banner').then((m) => ({ default: m.ErrorBanner })));

interface ResultStatusProps {
  view: SessionsView;
  status: 'pending' | 'error' | 'success';
  error: unknown;
  total: number | undefined;
  /** Each store's share, in a result of both. */
  parts: ResultPart[];
  /** Rows shown when more than the total (another sort: rows outside the window, marked). */
  shown: number | undefined;
  rowCount: number;
  hasMore: boolean;
  isFetching: boolean;
  /** How far a read that knows its size has come (a scan: sessions read of its total), 0 to 1. */
  progress?: number;
  /** The first page shown is the new view's own (not the previous view's, kept while it loads). */
  isCurrent: boolean;
  pageError: unknown;
  /** Shows the sessions that arrived since the view was anchored. */
  onShowNew: () => void;
  /** The count in words, when the rows are not the server's result (a scan's matches). */
  countText?: ReactNode;
}

/** The result is known to hold no session: its empty state shows. */
export const isEmptyResult = (r: Pick<ResultStatusProps, 'status' | 'isCurrent' | 'rowCount' | 'hasMore'>) =>
  r.status === 'success' && r.isCurrent && r.rowCount === 0 && !r.hasMore;

export const ResultStatus = memo(function ResultStatus({
  view,
  status,
  error,
  total,
  parts,
  shown,
  rowCount,
  hasMore,
  isFetching,
  progress,
  isCurrent,
  pageError,
  onShowNew,
  countText,
}: ResultStatusProps) {
  const queryClient = useQueryClient();
  const update = useUpdateSessionSearch();

  // Live view (its window runs up to the anchor): every ~10 s (not while the tab is hidden), a
  // one-row count of the live store's request. Sessions arrive at the current time, so its growth
  // since the anchor is what re-anchoring adds. New sessions never move the rows being read; they
  // wait behind a button.
  const live = view.segments.find((s) => s.store === 'live');
  const baseline = parts.find((p) => p.store === 'live')?.serverTotal;
  const probe = useQuery({
    ...sessionQueries.count(live?.request ?? view.segments[0]!.request),
    enabled: view.live && live !== undefined && status === 'success' && isCurrent && baseline !== undefined,
    refetchInterval: LIVE_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
  const newCount = probe.data !== undefined && baseline !== undefined ? probe.data - baseline : 0;
  const showNew = () => {
    for (const s of view.segments)
      void queryClient.resetQueries({ queryKey: sessionQueries.result(s.request) });
    onShowNew();
  };
  const retryPages = () => queryClient.refetchQueries({ predicate: sessionQueries.isResult, type: 'active' });
  const archived = parts.find((p) => p.store === 'archive');

  return (
    <div className="results-status">
      <div className="results-line" aria-live="polite">
        <span className="results-count">
          {countText ??
            (status === 'pending' ? (
              'Loading sessions…'
            ) : total !== undefined && shown !== undefined && shown > total ? (
              <>
                <strong>{formatCount(total)}</strong> in your window · {formatCount(shown)} shown, the dimmed
                ones not counted
              </>
            ) : total !== undefined ? (
              <>
                <strong>{formatCount(total)}</strong> {total === 1 ? 'session' : 'sessions'}
                {parts.length > 1 && archived?.count !== undefined && (
                  <span className="muted">
                    : {formatCount(total - archived.count)} live, {formatCount(archived.count)} archived
                  </span>
                )}
              </>
            ) : status === 'success' ? (
              <>
                <strong>{formatCount(rowCount)}</strong>
                {hasMore ? '+ sessions, counting…' : ' sessions'}
              </>
            ) : null)}
        </span>
        {view.stores !== 'both' && (
          <span className={`badge ${view.stores === 'archive' ? 'badge-info' : 'badge-live'}`}>
            {view.stores === 'archive' ? 'Archived only' : 'Live only'}
          </span>
        )}
        {view.live && <span className="muted small">Refreshes every {LIVE_REFRESH_MS / 1000} s</span>}
        {newCount > 0 && (
          <button type="button" className="btn btn-small btn-primary" onClick={showNew}>
            {plural(newCount, 'new session')} — show
          </button>
        )}
        <span className="results-spacer" />
        <CopyLinkMenu view={view} />
        <ExportMenu view={view} />
      </div>
      {/* A read that knows its size fills the bar; otherwise it runs (a continuous animation). */}
      {isFetching && progress !== undefined ? (
        <div
          className="progress is-determinate"
          style={{ '--progress': Math.min(1, Math.max(0, progress)) } as CSSProperties}
          aria-hidden="true"
        />
      ) : (
        <div className={`progress${isFetching ? ' is-active' : ''}`} aria-hidden="true" />
      )}
      {status === 'error' && (
        <Suspense fallback={null}>
          <ErrorBanner error={error} onRetry={retryPages} />
        </Suspense>
      )}
      {status !== 'error' && pageError !== undefined && (
        <div className="banner banner-warning" role="status">
          <div className="banner-body">Some rows could not be loaded: {errorMessage(pageError)}</div>
          <button type="button" className="btn btn-small" onClick={retryPages}>
            Retry
          </button>
        </div>
      )}
      {isEmptyResult({ status, isCurrent, rowCount, hasMore }) && (
        <Suspense fallback={null}>
          <EmptyState view={view} update={update} />
        </Suspense>
      )}
    </div>
  );
});

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Unknown error';
}
