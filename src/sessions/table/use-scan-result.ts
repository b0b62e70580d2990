// A refined result (or the counts of an unrefined one) from the view's scan: one query keyed by
// the view's requests, its refinements and its anchor (sessionQueries.scan). A refined result has
// the shape of the server-paged one (SessionsResult), so the grid draws either the same way.
import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../api/session-queries';
import type { SessionsRequest } from '../api/build-sessions-query';
import type { Refinements } from '../refinements';
import type { ScanState } from '../scan/scan-protocol';
import { tagsArchived, type SessionsView } from '../view/sessions-view';
import { toRowView, type RowView } from './row-view';
import type { SessionsResult } from './use-sessions-result';

export interface Scan {
  /** The scan's identity: a new one starts the grid at the top. */
  key: string;
  state: ScanState | undefined;
  running: boolean;
  /** Stopped before the result's end, by Stop (its matches so far are kept). */
  stopped: boolean;
  error: unknown;
  stop: () => void;
  /** Runs it again from the start. */
  restart: () => void;
}

/**
 * The scan of `requests` (the view's server requests, in its order) under `refinements`, each read
 * from its window's slice when `slices` gives one. It starts when `enabled`; until then `state` is
 * what an earlier run left, if anything.
 */
export function useScan(
  view: SessionsView,
  requests: readonly SessionsRequest[],
  refinements: Refinements,
  keepMatches: boolean,
  enabled: boolean,
  slices?: readonly ({ first: number; end: number } | undefined)[],
): Scan {
  const queryClient = useQueryClient();
  // Live and archived parts read whole under another sort are merged into one order when the scan
  // ends, by the scan's worker; until then the live part comes first, then the archived one.
  const merge = requests.length > 1 ? view.merge : undefined;
  const options = sessionQueries.scan(
    requests,
    refinements,
    view.window,
    view.anchorMs,
    keepMatches,
    slices,
    merge,
  );
  const query = useQuery({ ...options, enabled });
  const state = query.data;
  const running = query.fetchStatus === 'fetching';
  return {
    key: JSON.stringify(options.queryKey),
    state,
    running,
    stopped: !running && state !== undefined && !state.done && query.status !== 'error',
    error: query.error,
    // Cancelling reverts to the last chunk: the matches found so far stay.
    stop: () => void queryClient.cancelQueries({ queryKey: options.queryKey }),
    restart: () => void queryClient.resetQueries({ queryKey: options.queryKey }),
  };
}

/** The scan's matches as the grid's result: rows formatted once each, as they are first drawn. */
export function useScanRows(view: SessionsView, scan: Scan): SessionsResult {
  const { zone } = view;
  const { key, state } = scan;
  const done = state?.done === true;
  const found = state?.matches;
  const sizes = state?.partSizes;
  const order = state?.order;
  const { matches, partAt } = useMemo(() => {
    const all = found ?? [];
    const ends: number[] = [];
    for (const n of sizes ?? []) ends.push((ends.at(-1) ?? 0) + n);
    // The request a match came from, by its index in the order found.
    const partOf = (i: number) =>
      Math.max(
        0,
        ends.findIndex((end) => i < end),
      );
    if (!order) return { matches: all, partAt: partOf };
    return { matches: Array.from(order, (i) => all[i]!), partAt: (i: number) => partOf(order[i] ?? 0) };
  }, [found, sizes, order]);
  // Rows are formatted once per index; the merge moves them, so it starts the cache afresh.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `order` reorders the rows the cache holds
  const formatted = useMemo(() => ({ key, zone, rows: new Map<number, RowView>() }), [key, zone, order]);
  const rowAt = (index: number): RowView | undefined => {
    let row = formatted.rows.get(index);
    const session = matches[index];
    if (!row && session) {
      row = toRowView(session, formatted.zone);
      // In a result of both stores, the archived sessions say so, as in the server-paged result.
      row.archived = tagsArchived(view.stores, view.segments[partAt(index)]?.store);
      formatted.rows.set(index, row);
    }
    return row;
  };
  return {
    status: state ? 'success' : scan.error ? 'error' : 'pending',
    error: scan.error,
    total: done ? matches.length : undefined,
    parts: [],
    shown: undefined,
    rowCount: matches.length,
    hasMore: !done && scan.running,
    rowAt,
    isShowingPrevious: false,
    isFetching: scan.running,
    // A failure after some pages is the scan line's to show (with "Scan again").
    pageError: undefined,
  };
}
