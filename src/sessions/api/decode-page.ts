// Decodes `ListResponse<SessionInfo>` JSON into the model the UI reads (`session.ts`): the dates,
// each session's own fields and the page around them. This is all a table page needs; the drawer's
// flow log and members are decoded by decode-sessions.ts, in the same style.
//
// Every field has its own fallback, so a wrong type or null degrades that one field to `undefined`
// (lists to `[]`) and never the item or the page. Items that are not objects are skipped; items
// without an id get `unknown-<page>-<index>` (stable for the same response, unique within a result).
// Unknown enum values are kept as the strings they are: newer servers add states.
import type { CustomerCrumb, SessionSummary, SessionsPage, WireDate } from './session';

// ---- Dates ----

// ISO 8601 date, optionally with time, fraction (any precision: .NET sends 7 digits) and zone.
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
// WCF/ASP.NET JSON date: epoch ms (UTC), then an optional offset that only records the sender's zone.
const WCF_RE = /^\\?\/Date\((-?\d{1,16})(?:[+-]\d{4})?\)\\?\/$/;
const MAX_MS = 8.64e15; // the range of a JS Date

/**
 * Parses a date string from the wire. ISO with `Z` or an offset means that instant; ISO without a
 * zone (and a bare `YYYY-MM-DD`) is read as UTC, because ServiceStack serializes DateTime in UTC
 * and may drop the `Z` (DateTimeKind.Unspecified): reading it as browser-local time would shift
 * every session by the viewer's offset. WCF `/Date(ms)/` and `/Date(ms+hhmm)/` are epoch ms.
 * Anything else keeps its raw text with `ms: undefined`, so the UI can show it as it came.
 */
export function parseWireDate(s: string): WireDate {
  return { raw: s, ms: parseMs(s.trim()) };
}

function parseMs(s: string): number | undefined {
  const wcf = WCF_RE.exec(s);
  if (wcf) {
    const ms = Number(wcf[1]);
    return Math.abs(ms) <= MAX_MS ? ms : undefined;
  }
  const m = ISO_RE.exec(s);
  if (!m) return undefined;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hour = m[4] ? +m[4] : 0;
  const minute = m[5] ? +m[5] : 0;
  const second = m[6] ? +m[6] : 0;
  const frac = m[7];
  const zone = m[8];
  // Rejects 2026-02-30, month 13 and 24:00, which Date would silently roll over.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = frac ? +(frac.length >= 3 ? frac.slice(0, 3) : frac.padEnd(3, '0')) : 0;
  // Plain arithmetic rather than Date objects: this runs for every date of every log line.
  let ms = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const oh = +zone.slice(1, 3);
    const om = zone.length > 3 ? +zone.slice(-2) : 0; // +hh, +hhmm or +hh:mm
    if (oh > 23 || om > 59) return undefined;
    ms -= (zone.charCodeAt(0) === 45 /* - */ ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return Math.abs(ms) <= MAX_MS ? ms : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// ---- A session's own fields ----
// A wrong type or null is undefined (lists are empty); an empty date string carries nothing to show.
// Plain readers rather than a schema library: they run for 40 fields of every session of every page,
// on the way from a page's arrival to its rows on screen.

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
export const date = (v: unknown): WireDate | undefined =>
  typeof v === 'string' && v !== '' ? parseWireDate(v) : undefined;
const crumbs = (v: unknown): CustomerCrumb[] =>
  Array.isArray(v) ? v.flatMap((x) => (isRecord(x) ? [{ id: str(x.id), name: str(x.name) }] : [])) : [];

/**
 * A session's own fields, without its log and members (decode-sessions.ts adds them).
 * Every key of the model, present as undefined when missing. One literal with every key keeps
 * each session a compact object of one shared shape: assigned key by key, 42 keys would turn it
 * into a hash table of twice the memory (and thousands of them stay cached).
 */
export function decodeSummary(raw: Record<string, unknown>, fallbackId: string): SessionSummary {
  const id = str(raw.id) || fallbackId;
  return {
    id,
    dateCreated: date(raw.dateCreated),
    dateLastModified: date(raw.dateLastModified),
    dateCompleted: date(raw.dateCompleted),
    createdBy: str(raw.createdBy),
    lastModifiedBy: str(raw.lastModifiedBy),
    dialState: str(raw.dialState),
    callState: str(raw.callState),
    queueState: str(raw.queueState),
    accountId: str(raw.accountId),
    accountName: str(raw.accountName),
    customerId: str(raw.customerId),
    customerName: str(raw.customerName),
    customerBreadcrumb: crumbs(raw.customerBreadcrumb),
    endpointId: str(raw.endpointId),
    endpointName: str(raw.endpointName),
    answeredById: str(raw.answeredById),
    answeredByName: str(raw.answeredByName),
    queueMemberId: str(raw.queueMemberId),
    displayName: str(raw.displayName),
    direction: str(raw.direction),
    channel: str(raw.channel),
    destination: str(raw.destination),
    toAddress: str(raw.toAddress),
    fromAddress: str(raw.fromAddress),
    fromName: str(raw.fromName),
    fromPhoneNumber: str(raw.fromPhoneNumber),
    callbackNumber: str(raw.callbackNumber),
    ended: bool(raw.ended),
    outcome: str(raw.outcome),
    wasMissed: bool(raw.wasMissed),
    holdReason: str(raw.holdReason),
    holdQueueName: str(raw.holdQueueName),
    heldByUserId: str(raw.heldByUserId),
    callSid: str(raw.callSid),
    conferenceSid: str(raw.conferenceSid),
    mostRecentParticipantCallSid: str(raw.mostRecentParticipantCallSid),
    ringQueueId: str(raw.ringQueueId),
    consoleData: str(raw.consoleData),
    parentSessionId: str(raw.parentSessionId),
  };
}

const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;

/**
 * Decodes a `GET /sessions` response body with `decodeItem` for each object in `items`. Never
 * throws: anything that is not a list response decodes to an empty page. `page` is only used to
 * name items that lack an id.
 */
export function decodeListResponse<T extends SessionSummary>(
  json: unknown,
  page: number,
  decodeItem: (raw: Record<string, unknown>, fallbackId: string) => T,
): SessionsPage<T> {
  const top = isRecord(json) ? json : {};
  const items: T[] = [];
  (Array.isArray(top.items) ? top.items : []).forEach((raw: unknown, index) => {
    if (!isRecord(raw)) return;
    try {
      items.push(decodeItem(raw, `unknown-${page}-${index}`));
    } catch {
      // A defect in one item's decoding must not cost the rest of the page.
    }
  });
  return {
    items,
    totalCount: count(top.totalCount),
    totalPages: count(top.totalPages),
    hasMorePages: bool(top.hasMorePages),
  };
}

/** A table page: every session's own fields, without log and members. */
export function decodeSummaryPage(json: unknown, page: number): SessionsPage<SessionSummary> {
  return decodeListResponse(json, page, decodeSummary);
}
