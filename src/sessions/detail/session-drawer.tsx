import { useEffect, useId, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { useBodyClass, usePrintMode } from '../../ui/use-print-mode';
import { sessionQueries } from '../api/session-queries';
import { isLive, LIVE_REFRESH_MS } from '../session-display';
import { maskSession } from '../mask';
import { useDisplayZone, useMaskCaller } from '../preferences';
import { useSessionSearch, useUpdateSessionSearch } from '../filters/use-session-search';
import { isTyping, useShortcutsKey } from '../shortcuts';
import { ShortcutsSheet } from '../shortcuts-sheet';
import { PrintableSession, SessionDocument, SessionMeta, SessionTitleText } from './session-document';
import { SessionDetailBody } from './session-detail-states';
import { DrawerActions, type SessionNeighbours } from './drawer-actions';
import type { FilterBy } from './session-summary';
import './session-drawer.css';

export interface SessionDrawerProps {
  sessionId: string;
  onClose: () => void;
  /** The table's sessions around this one: `j`/`k` and the buttons move to them. */
  neighbours?: SessionNeighbours;
}

/**
 * One session, over the table: a modal dialog on the right. It loads the session on its own (live,
 * then archive), so a `session=` link works for any session, loaded in the table or not.
 */
export function SessionDrawer({ sessionId, onClose, neighbours }: SessionDrawerProps) {
  const search = useSessionSearch();
  const update = useUpdateSessionSearch();
  const [zone] = useDisplayZone();
  // Masked by the link (`mask=1`) or by the remembered switch; a link copied from here says so.
  const [maskPreference, setMaskPreference] = useMaskCaller();
  const masked = search.mask === true || maskPreference;
  const setMasked = (on: boolean) => {
    setMaskPreference(on);
    if (!on && search.mask) void update((s) => ({ ...s, mask: undefined }), { replace: true });
  };
  // The app's own location (memory history in tests), made absolute for sharing.
  const location = useLocation();
  const url = new URL(location.href, window.location.origin);
  if (masked) url.searchParams.set('mask', '1');
  const link = url.href;
  const [shortcutsOpen, setShortcutsOpen] = useShortcutsKey(true);
  const filterBy = (filter: FilterBy) =>
    void update((s) => ({
      ...s,
      ...('from' in filter
        ? { from: filter.from }
        : 'customer' in filter
          ? { customer: [filter.customer] }
          : { endpoint: [filter.endpoint] }),
    }));
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
  const session = useMemo(
    () => (detail?.session && masked ? maskSession(detail.session) : detail?.session),
    [detail, masked],
  );

  // A session moved to (j/k) is read from its top.
  useEffect(() => {
    // A block body: Chromium's scrollTo returns a promise, which React would take for a cleanup.
    bodyRef.current?.scrollTo({ top: 0 });
  }, [sessionId]);

  // j / k: the next and previous session of the table, the drawer kept open.
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!neighbours || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const id = event.key === 'j' ? neighbours.nextId : event.key === 'k' ? neighbours.previousId : undefined;
    if (!id) return;
    event.preventDefault();
    neighbours.onMove(id);
  };

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
        onKeyDown={onKeyDown}
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
          <DrawerActions
            sessionId={sessionId}
            session={session}
            archived={detail?.archived ?? false}
            zone={zone}
            link={link}
            masked={masked}
            onMaskChange={setMasked}
            neighbours={neighbours}
            onShowShortcuts={() => setShortcutsOpen(true)}
          />
        </header>
        <div className="drawer-body" ref={bodyRef} tabIndex={0} role="region" aria-label="Session details">
          <div className="drawer-content">
            <SessionDetailBody query={query} sessionId={sessionId}>
              {({ archived }) =>
                session && (
                  <SessionDocument
                    key={sessionId}
                    mode="drawer"
                    session={session}
                    archived={archived}
                    zone={zone}
                    mask={masked}
                    scrollRef={bodyRef}
                    findText={search.log}
                    onFilter={filterBy}
                  />
                )
              }
            </SessionDetailBody>
          </div>
        </div>
        {shortcutsOpen && <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />}
      </section>
      {printing && printedAt !== undefined && session && detail && (
        // Rendered only while printing: a 5,000-line log in full costs too much to keep in the page.
        <div className="session-print-only">
          <PrintableSession
            session={session}
            archived={detail.archived}
            zone={zone}
            mask={masked}
            printedAt={printedAt}
            link={link}
          />
        </div>
      )}
    </div>,
    document.body,
  );
}
