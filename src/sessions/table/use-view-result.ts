// Which result the table shows: the server's pages (the window's slices, sorted by date), or the
// rows of the view's scan, which reads the whole result in the server's order. The scan runs when
// the view has refinements the API cannot apply, and when it is sorted by another field than the
// date and small enough to read whole: the API sorts whole days, so only a whole read drops the
// rows outside the window exactly. Larger results under another sort show the server's order with
// the rows outside the window marked. The scan also gives the counts above the table.
import { useCallback, useMemo, useState } from 'react';
import { hasRefinements, pickRefinements, refinementsKey } from '../refinements';
import { MAX_SCANNED, readsWhole } from '../scan/scan-protocol';
import type { SessionsView } from '../view/sessions-view';
import { useScan, useScanRows } from './use-scan-result';
import { useSessionsResult, type PageRange } from './use-sessions-result';

/** Results up to this many sessions are counted as soon as they are shown (a few large pages). */
export const COUNT_AT_ONCE = 5_000;

export function useViewResult(view: SessionsView, observed: PageRange) {
  const refinements = useMemo(() => pickRefinements(view.search), [view.search]);
  const refined = hasRefinements(refinements);
  const requests = useMemo(() => view.segments.map((s) => s.request), [view.segments]);
  // Rows the server result holds in all (under another sort: before the window is applied).
  const [whole, setWhole] = useState<string>();
  const base = useSessionsResult(view, observed, !refined && whole !== view.key);
  const serverRows = view.byDate ? base.total : base.shown;
  const laidOut = base.status === 'success' && !base.isShowingPrevious && serverRows !== undefined;
  const readWhole = !view.byDate && laidOut && readsWhole(serverRows);
  if (readWhole && whole !== view.key) setWhole(view.key);
  const scanned = refined || (whole === view.key && !view.byDate);

  const id = `${view.key}|${refinementsKey(refinements)}|${view.anchorMs}`;
  // Asked for by a click: counting a large result, or scanning one over the bound.
  const [asked, setAsked] = useState<string>();
  const ask = useCallback(() => setAsked(id), [id]);
  const overBound = laidOut && serverRows > MAX_SCANNED ? serverRows : undefined;
  const small = serverRows !== undefined && serverRows <= COUNT_AT_ONCE;
  const enabled = laidOut && (asked === id || (overBound === undefined && (scanned || small)));
  // Sorted by date (the only result laid out in slices), each request is scanned from where its
  // window begins to where it ends.
  const slices = base.slices?.map((s) => ({ first: s.windowFirst, end: s.windowEnd }));
  const scan = useScan(view, requests, refinements, scanned, enabled, slices);
  const scanRows = useScanRows(view, scan);

  return {
    refined,
    scanned,
    refinements,
    base,
    // A scanned view whose layout failed shows that error (and its Retry): no scan started.
    result: scanned && base.status !== 'error' ? scanRows : base,
    resultKey: scanned ? scan.key : view.key,
    scan,
    overBound: asked === id ? undefined : overBound,
    ask,
    /** The result's counts wait to be asked for (it is too large to count at once). */
    countsOnRequest: !refined && laidOut && !enabled,
  };
}
