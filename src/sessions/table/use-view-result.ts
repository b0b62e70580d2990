// Which result the table shows: the server's pages, or, when the view has refinements the API
// cannot apply, the matches of the view's scan. The scan also gives the counts above the table.
// It is keyed by the view's server requests in order (today the one `view.request`; a result of
// several segments passes them all), its refinements and its anchor.
import { useMemo, useState } from 'react';
import { hasRefinements, pickRefinements, refinementsKey } from '../refinements';
import { MAX_SCANNED } from '../scan/scan-protocol';
import type { SessionsView } from '../view/sessions-view';
import { COUNT_AT_ONCE } from './result-counts';
import { useScan, useScanRows } from './use-scan-result';
import { useSessionsResult, type PageRange } from './use-sessions-result';

/** A refined view asks the server only for page 0 (its total, to state the bounds before a scan). */
const FIRST_PAGE: PageRange = { first: 0, last: 0, ahead: undefined, drawnFirst: 0, drawnLast: 0 };

export function useViewResult(view: SessionsView, observed: PageRange) {
  const refinements = useMemo(() => pickRefinements(view.search), [view.search]);
  const refined = hasRefinements(refinements);
  const requests = useMemo(() => [view.request], [view.request]);
  const base = useSessionsResult(view, refined ? FIRST_PAGE : observed);

  const id = `${view.request.key}|${refinementsKey(refinements)}|${view.anchorMs}`;
  // Asked for by a click: counting a large result, or scanning one over the bound.
  const [asked, setAsked] = useState<string>();
  const ready = base.status === 'success' && !base.isShowingPrevious;
  const overBound = ready && base.total !== undefined && base.total > MAX_SCANNED ? base.total : undefined;
  const small = base.total !== undefined && base.total <= COUNT_AT_ONCE;
  const enabled = ready && (asked === id || (overBound === undefined && (refined || small)));
  const scan = useScan(view, requests, refinements, enabled);
  const scanRows = useScanRows(view, scan);

  return {
    refined,
    refinements,
    base,
    // A refined view whose first page failed shows that error (and its Retry): no scan started.
    result: refined && base.status !== 'error' ? scanRows : base,
    resultKey: refined ? scan.key : view.request.key,
    scan,
    overBound: asked === id ? undefined : overBound,
    ask: () => setAsked(id),
  };
}
