import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { CopyButton } from '../../ui/copy-button';
import type { DisplayZone } from '../../lib/format';
import type { Session } from '../api/session';
import { sessionQueries } from '../api/session-queries';
import { sessionSummaryText } from '../session-summary-text';
import { sessionStory } from '../session-story';

export interface SessionNeighbours {
  /** The sessions before and after this one in the table, when the table has them. */
  previousId?: string;
  nextId?: string;
  onMove: (id: string) => void;
}

interface DrawerActionsProps {
  sessionId: string;
  /** The session as shown (masked when masking is on); undefined while it loads. */
  session: Session | undefined;
  archived: boolean;
  zone: DisplayZone;
  link: string;
  masked: boolean;
  onMaskChange: (masked: boolean) => void;
  neighbours?: SessionNeighbours;
  onShowShortcuts: () => void;
}

function CopySummary({
  session,
  archived,
  zone,
  link,
}: {
  session: Session;
  archived: boolean;
  zone: DisplayZone;
  link: string;
}) {
  const transfers = useQuery(sessionQueries.childCount(session.id, archived)).data;
  const [withLog, setWithLog] = useState(false);
  // Built when copied, not on every render: the same words as the story on screen.
  const text = () =>
    sessionSummaryText(session, sessionStory(session, { zone, now: Date.now(), transfers }), {
      zone,
      link,
      includeLog: withLog,
    });
  return (
    <span className="drawer-copy-summary">
      <CopyButton value={text} label="summary">
        Copy summary
      </CopyButton>
      <label className="drawer-check">
        <input type="checkbox" checked={withLog} onChange={(e) => setWithLog(e.target.checked)} /> with log
      </label>
    </span>
  );
}

/** Previous/next, print, copy link and summary, masking and the shortcuts, under the drawer's title. */
export function DrawerActions({
  sessionId,
  session,
  archived,
  zone,
  link,
  masked,
  onMaskChange,
  neighbours,
  onShowShortcuts,
}: DrawerActionsProps) {
  return (
    <div className="drawer-actions" role="group" aria-label="Session actions">
      {neighbours && (
        <span className="drawer-nav">
          <button
            type="button"
            className="btn btn-small"
            aria-label="Previous session"
            title="Previous session (k)"
            disabled={!neighbours.previousId}
            onClick={() => neighbours.previousId && neighbours.onMove(neighbours.previousId)}
          >
            ↑ Previous
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-label="Next session"
            title="Next session (j)"
            disabled={!neighbours.nextId}
            onClick={() => neighbours.nextId && neighbours.onMove(neighbours.nextId)}
          >
            ↓ Next
          </button>
        </span>
      )}
      {session && (
        // A separate page: a clean document to review before printing, with its own link, and the
        // 5,000-line log is laid out there rather than behind the table. Ctrl+P here still prints
        // the session (beforeprint, in the drawer).
        <Link
          to="/sessions/$sessionId/print"
          params={{ sessionId }}
          search={masked ? { mask: true } : {}}
          target="_blank"
          rel="noopener"
          className="btn btn-small"
          aria-label="Print (opens a printable page in a new tab)"
        >
          Print
        </Link>
      )}
      <CopyButton value={link} label="link to this session">
        Copy link
      </CopyButton>
      {session && <CopySummary session={session} archived={archived} zone={zone} link={link} />}
      <label
        className="drawer-check"
        title="Numbers keep their last four digits; the caller's name becomes initials"
      >
        <input
          type="checkbox"
          role="switch"
          checked={masked}
          onChange={(e) => onMaskChange(e.target.checked)}
        />{' '}
        Mask caller details
      </label>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={onShowShortcuts}
      >
        ?
      </button>
    </div>
  );
}
