import { useId, useState, type RefObject } from 'react';
import type { DisplayZone } from '../../lib/format';
import type { Session } from '../api/session';
import {
  callerAddress,
  callerName,
  directionArrow,
  sessionTitle,
  stateBadges,
  toText,
} from '../session-display';
import { wireDateText } from './session-format';
import { SessionSummary, StateBadges, type FilterBy } from './session-summary';
import { SessionMembers } from './session-members';
import { VirtualLog, type ShownLines } from './session-log';
import { PrintLog } from './print-log';
import { SessionStoryView } from './session-story-view';
import { SessionTransfers } from './session-transfers';
import { useSessionStory } from './use-session-story';
import './session-document.css';
import './session-print.css';

/**
 * The title line of a session: direction arrow, from → to, with the direction spelled out for
 * screen readers. Each value from the server is its own <bdi>, so right-to-left text or a stray
 * direction override stays inside its part instead of reordering the whole line.
 */
export function SessionTitleText({ session }: { session: Session }) {
  const arrow = directionArrow(session.direction);
  const address = callerAddress(session);
  const name = callerName(session);
  const to = toText(session);
  let line: React.ReactNode;
  if (!name && !address && !to) line = <bdi>{sessionTitle(session)}</bdi>;
  else {
    line = (
      <>
        {name && address && name !== address ? (
          <>
            <bdi>{name}</bdi> (<bdi>{address}</bdi>)
          </>
        ) : (
          <bdi>{name ?? address ?? 'Unknown'}</bdi>
        )}
        {' → '}
        <bdi>{to ?? 'Unknown'}</bdi>
      </>
    );
  }
  return (
    <>
      {arrow && (
        <span className="direction-arrow" aria-hidden="true">
          {arrow}
        </span>
      )}
      {session.direction && <span className="visually-hidden">{session.direction}: </span>}
      {line}
    </>
  );
}

/** Channel · direction · start, and the state badges, under a title. */
export function SessionMeta({
  session,
  archived,
  zone,
}: {
  session: Session;
  archived: boolean;
  zone: DisplayZone;
}) {
  const parts = [session.channel, session.direction, wireDateText(session.dateCreated, zone)].filter(
    (p): p is string => !!p,
  );
  return (
    <div className="session-meta">
      {parts.length > 0 && (
        <p className="session-meta-line" dir="auto">
          {parts.join(' · ')}
        </p>
      )}
      <StateBadges badges={stateBadges(session, archived)} />
    </div>
  );
}

interface CommonProps {
  /** The session as shown: already masked when caller details are masked. */
  session: Session;
  archived: boolean;
  zone: DisplayZone;
  /** Caller details are masked (links to other sessions carry `mask=1`). */
  mask: boolean;
}

export type SessionDocumentProps = CommonProps &
  (
    | {
        mode: 'drawer';
        scrollRef: RefObject<HTMLElement | null>;
        findText?: string;
        onFilter?: (filter: FilterBy) => void;
      }
    | { mode: 'print'; scrollRef?: undefined; findText?: undefined; onFilter?: undefined }
  );

/**
 * What happened first (the story and its figures), then the transfers, the summary, the members and
 * the log of one session: the drawer's body and the printout share it. The drawer's log is
 * virtualized with find-in-log; the printed log has every line in the DOM. Members come before the
 * log because a log can run to thousands of lines. In print, each heading is grouped with the block
 * after it (`keep-together`), so no heading ends a page.
 */
export function SessionDocument(props: SessionDocumentProps) {
  const { session, archived, zone, mode, mask } = props;
  // The drawer's title is an h2; the print page's an h1.
  const Section = mode === 'drawer' ? 'h3' : 'h2';
  const id = useId();
  // On screen, a 10,000-character value folds away behind "Show all"; on paper everything shows.
  const collapseOver = mode === 'drawer' ? 400 : undefined;
  const story = useSessionStory(session, archived, zone);
  // A story part clicked in the drawer: its log lines, found in the log below.
  const [shown, setShown] = useState<ShownLines>();
  const logHeading = (
    <Section id={`${id}-log`} className="document-heading">
      Log
    </Section>
  );
  return (
    <div className={`session-document session-document-${mode}`}>
      <section className="document-section document-story" aria-label="What happened">
        <SessionStoryView
          story={story}
          onShowLines={
            mode === 'drawer'
              ? (lines, label) => setShown((p) => ({ lines, label, n: (p?.n ?? 0) + 1 }))
              : undefined
          }
        />
      </section>
      <SessionTransfers
        sessionId={session.id}
        archived={archived}
        zone={zone}
        mask={mask}
        heading={Section}
      />
      <section className="document-section" aria-labelledby={`${id}-summary`}>
        <Section id={`${id}-summary`} className="document-heading">
          Summary
        </Section>
        <SessionSummary
          session={session}
          archived={archived}
          zone={zone}
          collapseOver={collapseOver}
          onFilter={props.onFilter}
        />
      </section>
      <section className="document-section" aria-labelledby={`${id}-members`}>
        <div className="keep-together">
          <Section id={`${id}-members`} className="document-heading">
            Members ({session.members.length})
          </Section>
          <SessionMembers members={session.members} collapseOver={collapseOver} />
        </div>
      </section>
      <section className="document-section document-log" aria-labelledby={`${id}-log`}>
        {props.mode === 'drawer' ? (
          <>
            {logHeading}
            <VirtualLog
              session={session}
              zone={zone}
              scrollRef={props.scrollRef}
              initialQuery={props.findText}
              shown={shown}
              onClearShown={() => setShown(undefined)}
            />
          </>
        ) : (
          <PrintLog session={session} zone={zone} heading={logHeading} />
        )}
      </section>
    </div>
  );
}

export interface PrintableSessionProps extends CommonProps {
  /** When it was printed (epoch ms). */
  printedAt: number;
  /** The link printed in the footer, to open the session again. */
  link: string;
}

/** The printout of a session: title, when and where it was printed, summary, members, every log line. */
export function PrintableSession({ session, archived, zone, mask, printedAt, link }: PrintableSessionProps) {
  const titleId = useId();
  return (
    <article className="printable-session" aria-labelledby={titleId}>
      <header className="printable-header">
        <h1 id={titleId}>
          <SessionTitleText session={session} />
        </h1>
        <SessionMeta session={session} archived={archived} zone={zone} />
        {/* When and from where, at the top: at the end it could land alone on a last page. */}
        <p className="printable-origin">
          Printed {wireDateText({ raw: '', ms: printedAt }, zone)} ·{' '}
          <span className="printable-link">{link}</span>
        </p>
      </header>
      <SessionDocument mode="print" session={session} archived={archived} zone={zone} mask={mask} />
    </article>
  );
}
