import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useNow } from '../../ui/use-now';
import type { DisplayZone } from '../../lib/format';
import { plural } from '../../lib/format';
import type { SessionSummary } from '../api/session';
import { sessionQueries } from '../api/session-queries';
import { durationText, toText } from '../session-display';
import { textMasker } from '../mask';
import { wireDateText } from './session-format';

/** Legs below this depth are not walked: a loop in the data must not walk forever. */
const MAX_DEPTH = 6;

interface TransferProps {
  parentId: string;
  /** The clock, for a live leg's duration so far. */
  now: number;
  archived: boolean;
  zone: DisplayZone;
  /** Carried into each leg's link, so a masked view opens legs masked. */
  mask: boolean;
  /** Ids above this level, to stop on a loop. */
  seen?: readonly string[];
}

function Leg({
  leg,
  zone,
  archived,
  mask,
  seen,
  now,
}: Omit<TransferProps, 'parentId'> & { leg: SessionSummary }) {
  // A leg names no caller here; numbers (a leg to an outside line) still lose all but four digits.
  const show = mask ? textMasker([]) : (text: string) => text;
  const to = show(leg.endpointName ?? toText(leg) ?? 'Unknown');
  const facts = [
    wireDateText(leg.dateCreated, zone),
    leg.answeredByName ? `answered by ${show(leg.answeredByName)}` : undefined,
    leg.outcome,
    durationText(leg, now),
  ].filter((x): x is string => !!x);
  return (
    <li className="transfer-leg">
      <div className="transfer-leg-line">
        <Link to="/" search={{ session: leg.id, mask: mask || undefined }}>
          To <bdi>{to}</bdi>
        </Link>
        <span className="transfer-leg-meta" dir="auto">
          {facts.join(' · ')}
        </span>
      </div>
      {(seen?.length ?? 0) < MAX_DEPTH && !seen?.includes(leg.id) && (
        <TransferLegs
          parentId={leg.id}
          now={now}
          archived={archived}
          zone={zone}
          mask={mask}
          seen={[...(seen ?? []), leg.id]}
        />
      )}
    </li>
  );
}

/** The legs under one session: a one-row count first, the list only when there is one. */
function TransferLegs({ parentId, now, archived, zone, mask, seen }: TransferProps) {
  const count = useQuery(sessionQueries.childCount(parentId, archived)).data ?? 0;
  const list = useQuery({ ...sessionQueries.children(parentId, archived), enabled: count > 0 });
  if (count === 0 || !list.data) return null;
  return (
    <ul>
      {list.data.map((leg) => (
        <Leg
          key={leg.id}
          leg={leg}
          now={now}
          zone={zone}
          archived={archived}
          mask={mask}
          seen={seen ?? [parentId]}
        />
      ))}
    </ul>
  );
}

/**
 * A session's transfers as a tree (its child sessions, and theirs), each leg a link to it. Nothing
 * at all when the session has none.
 */
export function SessionTransfers({
  sessionId,
  archived,
  zone,
  mask,
  heading: Heading,
}: {
  sessionId: string;
  archived: boolean;
  zone: DisplayZone;
  mask: boolean;
  heading: 'h2' | 'h3';
}) {
  const count = useQuery(sessionQueries.childCount(sessionId, archived)).data ?? 0;
  const now = useNow(false);
  if (count === 0) return null;
  return (
    <section className="document-section transfers-section" aria-label="Transfers">
      <Heading className="document-heading">{plural(count, 'transfer')}</Heading>
      <div className="transfer-tree">
        <TransferLegs
          parentId={sessionId}
          now={now}
          archived={archived}
          zone={zone}
          mask={mask}
          seen={[sessionId]}
        />
      </div>
    </section>
  );
}
