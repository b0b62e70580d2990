import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { CopyButton } from '../../ui/copy-button';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { useBodyClass, usePrintMode } from '../../ui/use-print-mode';
import { sessionQueries } from '../api/session-queries';
import { isLive, LIVE_REFRESH_MS } from '../session-display';
import { useDisplayZone } from '../preferences';
import { useSessionSearch, useUpdateSessionSearch } from '../filters/use-session-search';
import { PrintableSession, SessionDocument, SessionMeta, SessionTitleText } from './session-document';
import { SessionDetailBody } from './session-detail-states';
import './session-drawer.css';

export interface SessionDrawerProps {
  sessionId: string;
  onClose: () => void;
}

/**
 * One session, over the table: a modal dialog on the right. It loads the session on its own (live,
 * then archive), so a `session=` link works for any session, loaded in the table or not.
 */
export function SessionDrawer({ sessionId, onClose }: SessionDrawerProps) {
  const search = useSessionSearch();
  const update = useUpdateSessionSearch();
  const [zone] = useDisplayZone();
  // The app's own location (memory history in tests), made absolute for sharing.
  const location = useLocation();
  const link = window.location.origin + location.href;
  // A session still going on keeps changing (state, log, members): refresh it like the live table does.
  const query = useQuery({
    ...sessionQueries.detail(sessionId),
    refetchInterval: (q) => (q.state.data && isLive(q.state.data.session) ? LIVE_REFRESH_MS : false),
  });
  const titleId = useId();
  const dialogRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // Focus starts on the scrolling body: the dialog's name is announced, and arrow keys scroll at once.
  useModalDialog(dialogRef, { onEscape: onClose, initialFocus: bodyRef });
  // Printing the page while the drawer is open prints this session, not the table (see the CSS).
  useBodyClass('session-drawer-open');
  const { printing, printedAt } = usePrintMode();

  const detail = query.data;
  const session = detail?.session;

  // `data` is undefined until the first answer, null when neither live nor archive has the session.
  // A failed refresh of a session already shown keeps it on screen, with a notice.
  const failedFirst = detail === undefined && query.isError;
  const title =
    detail === undefined && !failedFirst ? (
      'Loading session…'
    ) : failedFirst ? (
      'Session could not be loaded'
    ) : !session ? (
      'Session not found'
    ) : (
      <SessionTitleText session={session} />
    );

  return createPortal(
    <div className="session-drawer-layer">
      <div className="drawer-backdrop" onClick={onClose} />
      <section
        ref={dialogRef}
        className="session-drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <header className="drawer-header">
          <div className="drawer-title-row">
            <h2 id={titleId} className="drawer-title">
              {title}
            </h2>
            <button type="button" className="btn btn-ghost drawer-close" aria-label="Close" onClick={onClose}>
              <span aria-hidden="true">✕</span>
            </button>
          </div>
          {session && detail && <SessionMeta session={session} archived={detail.archived} zone={zone} />}
          {session && isLive(session) && (
            <p className="drawer-live-note">Still going on: refreshes every {LIVE_REFRESH_MS / 1000} s.</p>
          )}
          <div className="drawer-actions" role="group" aria-label="Session actions">
            {session && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => update((s) => ({ ...s, parent: sessionId, session: undefined }))}
              >
                Show child sessions
              </button>
            )}
            {session && (
              // A separate page: a clean document to review before printing, with its own link, and
              // the 5,000-line log is laid out there rather than behind the table. Ctrl+P here
              // still prints the session (beforeprint below).
              <Link
                to="/sessions/$sessionId/print"
                params={{ sessionId }}
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
          </div>
        </header>
        <div className="drawer-body" ref={bodyRef} tabIndex={0} role="region" aria-label="Session details">
          <div className="drawer-content">
            <SessionDetailBody query={query} sessionId={sessionId}>
              {({ session, archived }) => (
                <SessionDocument
                  mode="drawer"
                  session={session}
                  archived={archived}
                  zone={zone}
                  scrollRef={bodyRef}
                  findText={search.log}
                />
              )}
            </SessionDetailBody>
          </div>
        </div>
      </section>
      {printing && printedAt !== undefined && session && detail && (
        // Rendered only while printing: a 5,000-line log in full costs too much to keep in the page.
        <div className="session-print-only">
          <PrintableSession
            session={session}
            archived={detail.archived}
            zone={zone}
            printedAt={printedAt}
            link={link}
          />
        </div>
      )}
    </div>,
    document.body,
  );
}
