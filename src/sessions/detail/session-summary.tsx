import type { ReactNode } from 'react';
import { CopyButton } from '../../ui/copy-button';
import { LongText } from '../../ui/long-text';
import { useNow } from '../../ui/use-now';
import type { DisplayZone } from '../../lib/format';
import type { Session, WireDate } from '../api/session';
import { directionArrow, durationText, isLive, stateBadges, type StateBadge } from '../session-display';
import { wireDateText, yesNo } from './session-format';

export function StateBadges({ badges }: { badges: StateBadge[] }) {
  if (badges.length === 0) return null;
  return (
    <ul className="state-badges" aria-label="States">
      {badges.map((b) => (
        <li
          key={b.label}
          className={b.tone === 'neutral' ? 'badge' : `badge badge-${b.tone}`}
          title={b.title}
          dir="auto"
        >
          {b.label}
        </li>
      ))}
    </ul>
  );
}

/** "Filter by this": a value of the summary that the table can be narrowed to. */
export type FilterBy = { customer: string } | { endpoint: string } | { from: string };

interface FieldProps {
  label: string;
  value: ReactNode;
  /** Ids and codes: monospace. */
  mono?: boolean;
  /** Shows a copy button for this text. */
  copy?: string;
  /** Show "—" instead of leaving the field out when there is no value. */
  always?: boolean;
  /** Collapse text longer than this (the drawer); undefined shows everything (print). */
  collapseOver?: number;
  /** Offers "Filter by this", narrowing the table to this value. */
  onFilter?: () => void;
}

function Field({ label, value, mono, copy, always, collapseOver, onFilter }: FieldProps) {
  const empty = value === undefined || value === null || value === false || value === '';
  if (empty && !always) return null;
  return (
    <div className="summary-field">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>
        {empty ? (
          <span className="muted" aria-label="not set">
            —
          </span>
        ) : (
          <span className="summary-value" dir="auto">
            {typeof value === 'string' ? <LongText text={value} collapseOver={collapseOver} /> : value}
          </span>
        )}
        {copy !== undefined && <CopyButton value={copy} label={label} />}
        {onFilter && !empty && (
          <button
            type="button"
            className="btn btn-small btn-ghost filter-by"
            aria-label={`Filter by this ${label.toLowerCase()}`}
            title="Show only sessions with this value in the table"
            onClick={onFilter}
          >
            Filter by this
          </button>
        )}
      </dd>
    </div>
  );
}

/**
 * "Name (id)" when both exist (ids are what support staff paste into other tools). Each part is its
 * own <bdi>, so a right-to-left name cannot move the id to its other side.
 */
function nameAndId(name: string | undefined, id: string | undefined, collapseOver?: number): ReactNode {
  if (name && id) {
    return (
      <>
        <bdi>
          <LongText text={name} collapseOver={collapseOver} />
        </bdi>{' '}
        <span className="muted">
          (<bdi className="mono">{id}</bdi>)
        </span>
      </>
    );
  }
  return name ?? id;
}

/** The customer breadcrumb, "A › B › C", each crumb isolated. */
function breadcrumb(session: Session): ReactNode {
  const crumbs = session.customerBreadcrumb.map((c) => c.name ?? c.id).filter((x): x is string => !!x);
  if (crumbs.length === 0) return session.customerName;
  return crumbs.map((c, i) => (
    <span key={i}>
      {i > 0 && ' › '}
      <bdi>{c}</bdi>
    </span>
  ));
}

/** A server date, formatted; one the app cannot read is shown as sent, and says so. */
function dateValue(date: WireDate | undefined, zone: DisplayZone, collapseOver?: number): ReactNode {
  if (!date) return undefined;
  if (date.ms !== undefined) return wireDateText(date, zone);
  return (
    <>
      <LongText text={date.raw} collapseOver={collapseOver} />{' '}
      <span className="muted">(not a date this app can read; shown as sent)</span>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="summary-section" aria-label={title}>
      <h3>{title}</h3>
      <dl>{children}</dl>
    </section>
  );
}

export interface SessionSummaryProps {
  session: Session;
  archived: boolean;
  zone: DisplayZone;
  /** Collapse very long values behind "Show all" (the drawer); print shows everything. */
  collapseOver?: number;
  /** Narrows the table to a value (the drawer); none in print. */
  onFilter?: (filter: FilterBy) => void;
}

/** Every SessionInfo field a person cares about, in four groups. */
export function SessionSummary({ session: s, archived, zone, collapseOver, onFilter }: SessionSummaryProps) {
  const filterBy = (filter: FilterBy | undefined) =>
    onFilter && filter ? () => onFilter(filter) : undefined;
  const live = isLive(s);
  const now = useNow(live);
  const arrow = directionArrow(s.direction);
  const badges = stateBadges(s, archived);
  const hold = [s.holdReason && s.holdReason !== 'None' ? s.holdReason : undefined, s.holdQueueName]
    .filter(Boolean)
    .join(' · ');

  return (
    <div className="session-summary">
      <Section title="Who">
        <Field collapseOver={collapseOver} label="From name" value={s.fromName} always />
        <Field
          collapseOver={collapseOver}
          label="From address"
          value={s.fromAddress}
          mono
          always
          copy={s.fromAddress}
          onFilter={filterBy(s.fromAddress ? { from: s.fromAddress } : undefined)}
        />
        <Field collapseOver={collapseOver} label="From phone number" value={s.fromPhoneNumber} mono />
        <Field collapseOver={collapseOver} label="To" value={s.toAddress} mono always copy={s.toAddress} />
        <Field collapseOver={collapseOver} label="Destination" value={s.destination} />
        <Field
          collapseOver={collapseOver}
          label="Callback number"
          value={s.callbackNumber}
          mono
          copy={s.callbackNumber}
        />
        <Field collapseOver={collapseOver} label="Display name" value={s.displayName} />
        <Field
          collapseOver={collapseOver}
          label="Account"
          value={nameAndId(s.accountName, s.accountId, collapseOver)}
        />
        <Field
          collapseOver={collapseOver}
          label="Customer"
          value={breadcrumb(s)}
          onFilter={filterBy(s.customerId ? { customer: s.customerId } : undefined)}
        />
        <Field collapseOver={collapseOver} label="Customer id" value={s.customerId} mono />
        <Field
          collapseOver={collapseOver}
          label="Endpoint"
          value={nameAndId(s.endpointName, s.endpointId, collapseOver)}
          onFilter={filterBy(s.endpointId ? { endpoint: s.endpointId } : undefined)}
        />
        <Field
          collapseOver={collapseOver}
          label="Answered by"
          value={nameAndId(s.answeredByName, s.answeredById, collapseOver)}
        />
        <Field collapseOver={collapseOver} label="Queue member" value={s.queueMemberId} mono />
      </Section>
      <Section title="When">
        <Field
          collapseOver={collapseOver}
          label="Started"
          value={dateValue(s.dateCreated, zone, collapseOver)}
          always
        />
        <Field
          label="Completed"
          value={live && !s.dateCompleted ? 'Still going on' : dateValue(s.dateCompleted, zone, collapseOver)}
          always
        />
        <Field
          label="Duration"
          value={
            durationText(s, now) && (
              <>
                <span className="tabular">{durationText(s, now)}</span>
                {live && !s.dateCompleted && <span className="muted"> so far</span>}
              </>
            )
          }
          always
        />
        <Field
          collapseOver={collapseOver}
          label="Last modified"
          value={dateValue(s.dateLastModified, zone, collapseOver)}
        />
        <Field collapseOver={collapseOver} label="Created by" value={s.createdBy} />
        <Field collapseOver={collapseOver} label="Last modified by" value={s.lastModifiedBy} />
      </Section>
      <Section title="Outcome">
        <Field
          label="Direction"
          value={
            s.direction && (
              <>
                {arrow && <span aria-hidden="true">{arrow} </span>}
                {s.direction}
              </>
            )
          }
          always
        />
        <Field collapseOver={collapseOver} label="Channel" value={s.channel} always />
        <Field collapseOver={collapseOver} label="Outcome" value={s.outcome} always />
        <Field collapseOver={collapseOver} label="Missed" value={yesNo(s.wasMissed)} always />
        <Field
          collapseOver={collapseOver}
          label="State"
          value={badges.length > 0 && <StateBadges badges={badges} />}
        />
        <Field collapseOver={collapseOver} label="Hold" value={hold} />
        <Field collapseOver={collapseOver} label="Held by" value={s.heldByUserId} mono />
      </Section>
      <Section title="Telephony ids">
        <Field collapseOver={collapseOver} label="Session id" value={s.id} mono copy={s.id} always />
        <Field collapseOver={collapseOver} label="Call SID" value={s.callSid} mono copy={s.callSid} always />
        <Field
          collapseOver={collapseOver}
          label="Conference SID"
          value={s.conferenceSid}
          mono
          copy={s.conferenceSid}
          always
        />
        <Field
          collapseOver={collapseOver}
          label="Latest participant call SID"
          value={s.mostRecentParticipantCallSid}
          mono
        />
        <Field collapseOver={collapseOver} label="Ring queue" value={s.ringQueueId} mono />
        <Field collapseOver={collapseOver} label="Parent session" value={s.parentSessionId} mono />
      </Section>
      {s.consoleData !== undefined && (
        <section className="summary-section summary-console" aria-label="Console data">
          <h3>Console data</h3>
          <pre dir="auto">
            <LongText text={s.consoleData} collapseOver={collapseOver && collapseOver * 4} />
          </pre>
        </section>
      )}
    </div>
  );
}
