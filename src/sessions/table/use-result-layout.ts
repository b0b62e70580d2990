// How a view's result is laid out, before any row is fetched: each segment's slice of its server
// result (sorted by date, the rows inside the window, found by edge search; otherwise the whole
// server result), the archived copies of live sessions (the store seam), and how the rows are
// marked. use-sessions-result.ts pages through it.
import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { sessionQueries } from '../api/session-queries';
import { byDateRequest } from '../api/build-sessions-query';
import { firstRowsPageAtOnce } from '../api/first-rows-page';
import type { SessionsPage, SessionSummary } from '../api/session';
import { isSettled } from '../api/window-edges';
import { readsWhole } from '../scan/scan-protocol';
import { tagsArchived, type SessionsView } from '../view/sessions-view';
import { selectRows } from './row-view';
import { useStoreSeam } from './use-store-seam';

export interface Slice {
  /** Server rows `[first, end)` of the segment shown. */
  first: number;
  end: number;
  /** Server rows inside the window (the shown ones, and archived copies of live sessions). */
  windowFirst: number;
  windowEnd: number;
  /** Where the slice starts among the result's rows. */
  offset: number;
  /** Its segment's last edge is still searched: `end` is where the rows known inside the window end. */
  open: boolean;
}

const totalOf = (page: SessionsPage<SessionSummary>) => page.totalCount;
const sumOfAll = (qs: { data?: number }[]) =>
  qs.every((q) => q.data !== undefined) ? qs.reduce((n, q) => n + q.data!, 0) : undefined;

/**
 * A view's layout: each segment's slice, once its edges (or total) are known; `paged`: not scanned.
 * `observe: false` reads it from the cache without observing its queries, so a search of it still
 * running is given up (React Query aborts a query no one observes) and nothing re-renders for it.
 */
export function useResultLayout(view: SessionsView, paged: boolean, observe = true) {
  const { segments, window, anchorMs, byDate } = view;
  // Under another sort, the server results' sizes decide whether the window is counted here.
  const serverRows = useQueries({
    queries: segments.map((s) => ({
      ...sessionQueries.page(s.request, 0),
      select: totalOf,
      enabled: !byDate,
    })),
    combine: sumOfAll,
    subscribed: observe,
  });
  // Each segment's slice: its window's rows when sorted by date; otherwise the whole server result,
  // with the window counted by the same search sorted by date, unless a scan reads the result (it
  // counts the window itself, and the search would hold up its first pages).
  const countsWindow = byDate || (paged && serverRows !== undefined && !readsWhole(serverRows));
  const edges = useQueries({
    queries: segments.map((s) => ({
      ...sessionQueries.edges(byDate ? s.request : byDateRequest(s.request), window, anchorMs),
      enabled: countsWindow,
    })),
    subscribed: observe,
  });
  // A window open at its end begins at row 0, newest first: its first rows' page is asked for beside
  // the search for its edges (every new filter, not only the first screen), not a round trip after
  // it. Once the first edge is known, the table's own page queries take it over.
  const atOnce = paged ? firstRowsPageAtOnce(view) : undefined;
  useQuery({
    ...sessionQueries.page(atOnce?.request ?? segments[0]!.request, atOnce?.n ?? 0),
    enabled: atOnce !== undefined && edges[0]!.data === undefined,
    subscribed: observe,
  });
  // Sessions in both stores are counted once, as live rows. Sorted by date the archived copies leave
  // the archive's slice (they are its first or last rows); under another sort they are scattered
  // through it, so they are marked instead.
  const leftOut = useStoreSeam(
    view,
    edges.map((e) => (isSettled(e.data) ? e.data : undefined)),
    observe,
  );
  const duplicates = leftOut.length;
  const copies = useMemo(
    () => (byDate || !duplicates ? undefined : new Set(leftOut.map((s) => s.id))),
    [byDate, duplicates, leftOut],
  );
  // Marks: archived rows in a result of both stores; rows outside the window and archived copies
  // under another sort.
  const selects = useMemo(
    () =>
      segments.map((s) =>
        selectRows(view.zone, {
          archived: tagsArchived(view.stores, s.store),
          window: byDate ? undefined : window,
          copies: s.store === 'archive' ? copies : undefined,
        }),
      ),
    [segments, view.zone, view.stores, byDate, window, copies],
  );
  const page0 = useQueries({
    queries: segments.map((s, i) => ({
      ...sessionQueries.page(s.request, 0),
      select: selects[i],
      enabled: !byDate,
    })),
    subscribed: observe,
  });
  // Sorted by date, the first segment's rows show as soon as its first edge is known (neither its
  // last edge nor the archive's search need hold up the first rows); a later segment joins once
  // both edges of those before it are known.
  const slices: Slice[] = [];
  let rowCount = 0;
  let known = true;
  segments.forEach((s, i) => {
    const e = edges[i]!.data;
    const total = page0[i]!.data?.totalCount;
    known &&= !byDate || e !== undefined;
    const [windowFirst, windowEnd] = !known
      ? [0, 0]
      : byDate
        ? [e!.first, e!.end ?? e!.first + e!.inside]
        : [0, total ?? 0];
    let [first, end] = [windowFirst, windowEnd];
    if (byDate && s.store === 'archive' && duplicates > 0) {
      if (s.request.filter.sortOrder === 'Ascend') end -= duplicates;
      else first += duplicates;
    }
    const open = known && byDate && !isSettled(e);
    slices.push({ first, end, windowFirst, windowEnd, offset: rowCount, open });
    rowCount += end - first;
    known &&= !open;
  });
  const complete = byDate ? edges.every((e) => isSettled(e.data)) : page0.every((p) => p.data);
  const laidOut = byDate ? edges[0]!.data !== undefined : complete;
  const failed = (byDate ? edges : page0).find((q) => q.isError);
  return { view, selects, edges, page0, slices, rowCount, laidOut, complete, failed, duplicates, leftOut };
}
