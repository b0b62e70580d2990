// Sessions in transit between the stores, shown once (api/store-seam.ts): in a result of both
// stores sorted by date, the newest archived rows inside the window that are live too. The
// table leaves them out of the archived slice (at its start newest first, at its end oldest first).
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '../api/session-queries';
import type { WindowEdges } from '../api/window-edges';
import type { SessionSummary } from '../api/session';

const NONE: SessionSummary[] = [];
import type { SessionsView } from '../view/sessions-view';

/** The archived copies of live sessions the result leaves out. */
export function useStoreSeam(view: SessionsView, edges: (WindowEdges | undefined)[]): SessionSummary[] {
  const live = view.segments.findIndex((s) => s.store === 'live');
  const archive = view.segments.findIndex((s) => s.store === 'archive');
  const liveEdges = edges[live];
  const archiveEdges = edges[archive];
  const newestFirst = view.segments[archive]?.request.filter.sortOrder !== 'Ascend';
  const archiveCount = archiveEdges ? archiveEdges.end - archiveEdges.first : 0;
  const enabled =
    view.byDate &&
    live >= 0 &&
    archive >= 0 &&
    !!liveEdges &&
    liveEdges.end > liveEdges.first &&
    archiveCount > 0;
  const query = useQuery({
    ...sessionQueries.seam(
      {
        live: view.segments[live]?.request ?? view.segments[0]!.request,
        archive: view.segments[archive]?.request ?? view.segments[0]!.request,
        // Newest first, the window's newest archived row is the slice's first; oldest first, its last.
        archiveNewestIndex: archiveEdges
          ? newestFirst
            ? archiveEdges.first
            : archiveEdges.total - archiveEdges.end
          : 0,
        archiveCount,
        window: view.window,
      },
      view.anchorMs,
    ),
    enabled,
  });
  // Until it is known the slices are shown whole: a rare duplicate for a moment, never a lost row.
  return (enabled && query.data) || NONE;
}
