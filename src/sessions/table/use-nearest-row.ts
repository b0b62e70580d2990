// "Around this moment" (`at=`): the row nearest the moment is selected and scrolled into view.
//
// Sorted by date, where the moment falls in each segment is found as the window's edges are: by
// the same small probes (window-edges.ts), for the window `[at, end)`. The row nearest `at` is then
// one of the two rows either side of that split; once their page is in, the nearer one wins. A
// result read whole (a scan) is searched directly.
import { useQueries } from '@tanstack/react-query';
import { sessionQueries } from '../api/session-queries';
import { isSettled } from '../api/window-edges';
import { MAX_MATCHES } from '../scan/scan-protocol';
import type { SessionsView } from '../view/sessions-view';
import type { SessionsResult } from './use-sessions-result';

type Result = Pick<SessionsResult, 'rowAt' | 'rowCount' | 'slices' | 'status'>;

/** The index of the row nearest the view's `at`, once it is known; undefined without `at`. */
export function useNearestRow(view: SessionsView, result: Result, scanned: boolean): number | undefined {
  const atMs = view.window.atMs;
  const split = atMs !== undefined && view.byDate && !scanned && result.slices !== undefined;
  const splits = useQueries({
    queries: view.segments.map((s) => ({
      ...sessionQueries.edges(s.request, { startMs: atMs ?? 0, endMs: view.window.endMs }, view.anchorMs),
      enabled: split,
    })),
  });
  if (atMs === undefined || result.status !== 'success' || result.rowCount === 0) return undefined;

  const distance = (index: number) => {
    const ms = result.rowAt(index)?.createdMs;
    return ms === undefined ? undefined : Math.abs(ms - atMs);
  };
  const nearestOf = (candidates: number[]) => {
    let best: number | undefined;
    let bestDistance = Infinity;
    for (const i of candidates) {
      const d = distance(i);
      if (d !== undefined && d < bestDistance) [best, bestDistance] = [i, d];
    }
    return best;
  };

  if (!split) {
    // A result read whole has every row at hand.
    if (!scanned || result.rowCount > MAX_MATCHES) return undefined;
    return nearestOf(Array.from({ length: result.rowCount }, (_, i) => i));
  }
  const descending = view.segments[0]?.request.filter.sortOrder !== 'Ascend';
  const candidates: number[] = [];
  result.slices!.forEach((slice, i) => {
    const edges = splits[i]?.data;
    if (!isSettled(edges) || slice.end <= slice.first) return;
    // Rows at or after `at` are the slice's first rows (newest first) or its last ones.
    const server = Math.min(slice.end, Math.max(slice.first, descending ? edges.end : edges.first));
    const row = slice.offset + server - slice.first;
    for (const r of [row - 1, row])
      if (r >= slice.offset && r < slice.offset + slice.end - slice.first) candidates.push(r);
  });
  if (candidates.length === 0) return undefined;
  // Until the rows either side are in, the first candidate: scrolling there loads them.
  return nearestOf(candidates) ?? candidates[0];
}
