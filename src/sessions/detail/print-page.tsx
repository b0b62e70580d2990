import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { usePrintMode } from '../../ui/use-print-mode';
import { sessionQueries } from '../api/session-queries';
import { useDisplayZone, useMaskCaller } from '../preferences';
import { maskSession } from '../mask';
import { PrintableSession } from './session-document';
import { sessionTitle } from '../session-display';
import { SessionDetailBody } from './session-detail-states';
import './print-page.css';

/**
 * `/sessions/<id>/print`: one session as a clean document for A4 or Letter. Opened cold in a new
 * tab, so it loads the session itself (live, then archive). A small toolbar shows on screen only.
 */
export function PrintPage() {
  const { sessionId } = useParams({ from: '/sessions/$sessionId/print' });
  const query = useQuery(sessionQueries.detail(sessionId));
  const [zone] = useDisplayZone();
  const { printedAt } = usePrintMode();
  const detail = query.data;
  // Masked when the link says `mask=1` or the remembered switch is on.
  const [maskPreference] = useMaskCaller();
  const masked = useSearch({ from: '/sessions/$sessionId/print' }).mask === true || maskPreference;

  // The title names the PDF a browser saves.
  useEffect(() => {
    const previous = document.title;
    document.title = detail
      ? `Session ${sessionTitle(detail.session)} – Session History`
      : 'Session – Session History';
    return () => {
      document.title = previous;
    };
  }, [detail]);

  // The footer's link opens this session in the dashboard (live or archived: the drawer finds either).
  const link = `${window.location.origin}/?session=${encodeURIComponent(sessionId)}${masked ? '&mask=1' : ''}`;

  return (
    <div className="print-page">
      <header className="print-toolbar">
        <Link to="/" search={{ session: sessionId, mask: masked || undefined }} className="btn btn-small">
          ← Back to sessions
        </Link>
        <button
          type="button"
          className="btn btn-small btn-primary"
          onClick={() => window.print()}
          disabled={!detail}
        >
          Print
        </button>
        <span className="print-toolbar-hint">Laid out for A4 and Letter.</span>
      </header>
      <main className="print-main">
        <SessionDetailBody query={query} sessionId={sessionId}>
          {({ session, archived }) => (
            <PrintableSession
              session={masked ? maskSession(session) : session}
              mask={masked}
              archived={archived}
              zone={zone}
              printedAt={printedAt ?? query.dataUpdatedAt}
              link={link}
            />
          )}
        </SessionDetailBody>
      </main>
    </div>
  );
}
