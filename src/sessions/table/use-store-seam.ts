// Sessions in transit between the stores, counted once (api/store-seam.ts): in a result of both
// stores, the newest archived rows inside the window that are live too. Sorted by date the table
// leaves them out of the archived slice (at its start newest first, at its end oldest first); under
// another sort it marks them where the server's order puts them.
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '../api/session-queries';
import type { WindowEdges } from '../api/window-edges';
import type { SessionSummary } from '../api/session';
import type { SessionsView } from '../view/sessions-view';

const NONE: SessionSummary[] = [];

/** The archived copies of live sessions inside the window. */
export function useStoreSeam(
  view: SessionsView,
  edges: (WindowEdges | undefined)[],
  observe = true,
): SessionSummary[] {
  const live = view.segments.findIndex((s) => s.store === 'live');
  const archive = view.segments.findIndex((s) => s.store === 'archive');
  const liveEdges = edges[live];
  const archiveEdges = edges[archive];
  // Under another sort the edges are those of the same search by date, newest first.
  const newestFirst = !view.byDate || view.segments[archive]?.request.filter.sortOrder !== 'Ascend';
  const archiveCount = archiveEdges ? archiveEdges.end - archiveEdges.first : 0;
  const enabled =
    live >= 0 && archive >= 0 && !!liveEdges && liveEdges.end > liveEdges.first && archiveCount > 0;
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
    subscribed: observe,
  });
  // Until it is known the slices are shown whole: a rare duplicate for a moment, never a lost row.
  return (enabled && query.data) || NONE;
}
