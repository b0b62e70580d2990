// The open session's drawer, over the table. The table renders it because the table owns the
// result: the drawer gets the sessions before and after the open one (j/k) from it, flowing down.
import { lazy, Suspense } from 'react';
import { SESSIONS_PAGE_SIZE } from '../api/session-queries';
import type { PageRange, SessionsResult } from './use-sessions-result';

const SessionDrawer = lazy(() =>
  import('../detail/session-drawer').then((m) => ({ default: m.SessionDrawer })),
);

export interface OpenSessionPosition {
  index: number;
  previousId: string | undefined;
  nextId: string | undefined;
}

/**
 * Where the open session is among the rows at hand (the pages observed around the viewport), and
 * its neighbours; undefined when it is not there (a `session=` link to a session of another view).
 */
export function openSessionPosition(
  result: Pick<SessionsResult, 'rowAt' | 'rowCount'>,
  range: PageRange,
  openId: string | undefined,
): OpenSessionPosition | undefined {
  if (!openId) return undefined;
  const firstPage = Math.min(range.drawnFirst, range.ahead ?? range.first);
  const lastPage = Math.max(range.drawnLast, range.ahead ?? range.last);
  const from = Math.max(0, firstPage * SESSIONS_PAGE_SIZE);
  const to = Math.min(result.rowCount, (lastPage + 1) * SESSIONS_PAGE_SIZE);
  for (let i = from; i < to; i++) {
    if (result.rowAt(i)?.id !== openId) continue;
    return { index: i, previousId: result.rowAt(i - 1)?.id, nextId: result.rowAt(i + 1)?.id };
  }
  return undefined;
}

export function OpenSession({
  sessionId,
  position,
  onClose,
  onMove,
}: {
  sessionId: string;
  position: OpenSessionPosition | undefined;
  onClose: () => void;
  onMove: (id: string) => void;
}) {
  return (
    <Suspense fallback={null}>
      <SessionDrawer
        sessionId={sessionId}
        onClose={onClose}
        neighbours={{ previousId: position?.previousId, nextId: position?.nextId, onMove }}
      />
    </Suspense>
  );
}
