// Decodes `ListResponse<SessionInfo>` JSON into the model the UI reads (`session.ts`).
//
// Every field has its own fallback, so a wrong type or null degrades that one field to `undefined`
// (lists to `[]`) and never the item or the page. Items that are not objects are skipped; items
// without an id get `unknown-<page>-<index>` (stable for the same response, unique within a result).
// Unknown enum values are kept as the strings they are: newer servers add states.
import * as z from 'zod/mini';
import type {
  CustomerCrumb,
  Session,
  SessionLogEntry,
  SessionMember,
  SessionsPage,
  WireDate,
} from './session';

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
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone = ''] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC: it maps years 0-99 to 1900-1999
  date.setUTCHours(Number(h), Number(mi), Number(sec), Number(frac.slice(0, 3).padEnd(3, '0')));
  // Rejects 2026-02-30 and month 13, which Date would silently roll over.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  let ms = date.getTime();
  if (zone !== '' && zone !== 'Z' && zone !== 'z') {
    const oh = Number(zone.slice(1, 3));
    const om = zone.length > 3 ? Number(zone.slice(-2)) : 0; // +hh, +hhmm or +hh:mm
    if (oh > 23 || om > 59) return undefined;
    ms -= (zone[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_MS ? ms : undefined;
}

// ---- Field schemas: each one catches its own failure ----

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const optString = z.catch(z.optional(z.string()), undefined);
const optBool = z.catch(z.optional(z.boolean()), undefined);
const optCount = z.catch(
  z.optional(
    z.pipe(
      z.number(),
      z.transform((n) => (Number.isSafeInteger(n) && n >= 0 ? n : undefined)),
    ),
  ),
  undefined,
);
// An empty date string carries nothing to show; treat it as absent.
const optDate = z.catch(
  z.optional(
    z.pipe(
      z.string(),
      z.transform((s) => (s === '' ? undefined : parseWireDate(s))),
    ),
  ),
  undefined,
);

/** A list of objects decoded by `decode`; non-objects and items that fail are skipped. */
function objectList<T>(decode: (x: Record<string, unknown>) => T | undefined) {
  return z.catch(
    z.pipe(
      z.array(z.unknown()),
      z.transform((xs) => xs.flatMap((x) => (isRecord(x) ? (decode(x) ?? []) : [])) as T[]),
    ),
    [],
  );
}

// Only absolute http(s) URLs can be an <img src> safely; javascript:, data: and relative are dropped.
const httpUrl = z.catch(
  z.pipe(
    z.string(),
    z.transform((s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'http:' || u.protocol === 'https:' ? s : undefined;
      } catch {
        return undefined;
      }
    }),
  ),
  undefined,
);

// Dictionary<string,string> on the wire; numbers/booleans are stringified (a loose server), null,
// objects and arrays have no sensible text and are dropped.
const appData = z.catch(
  z.pipe(
    z.record(z.string(), z.unknown()),
    z.transform((rec) =>
      Object.entries(rec).flatMap(([k, v]): [string, string][] =>
        typeof v === 'string'
          ? [[k, v]]
          : typeof v === 'number' || typeof v === 'boolean'
            ? [[k, String(v)]]
            : [],
      ),
    ),
  ),
  [],
);

const crumbSchema = z.object({ id: optString, name: optString });
const logSchema = z.object({ date: optDate, message: z.catch(z.string(), '') });
const memberSchema = z.object({
  identity: optString,
  endpointId: optString,
  displayName: optString,
  isOriginalMember: optBool,
  avatarUrl: httpUrl,
  applicationData: appData,
  callState: optString,
  role: optString,
  callSid: optString,
  muted: optBool,
});

const decodeWith =
  <S extends z.ZodMiniType>(schema: S) =>
  (x: Record<string, unknown>): z.output<S> | undefined => {
    const r = schema.safeParse(x);
    return r.success ? r.data : undefined;
  };

const sessionShape = {
  id: optString,
  dateCreated: optDate,
  dateLastModified: optDate,
  dateCompleted: optDate,
  createdBy: optString,
  lastModifiedBy: optString,
  dialState: optString,
  callState: optString,
  queueState: optString,
  accountId: optString,
  accountName: optString,
  customerId: optString,
  customerName: optString,
  customerBreadcrumb: objectList<CustomerCrumb>((x) => {
    const c = decodeWith(crumbSchema)(x);
    return c && { id: c.id, name: c.name };
  }),
  endpointId: optString,
  endpointName: optString,
  answeredById: optString,
  answeredByName: optString,
  queueMemberId: optString,
  displayName: optString,
  direction: optString,
  channel: optString,
  destination: optString,
  toAddress: optString,
  fromAddress: optString,
  fromName: optString,
  fromPhoneNumber: optString,
  callbackNumber: optString,
  ended: optBool,
  outcome: optString,
  wasMissed: optBool,
  holdReason: optString,
  holdQueueName: optString,
  heldByUserId: optString,
  callSid: optString,
  conferenceSid: optString,
  mostRecentParticipantCallSid: optString,
  ringQueueId: optString,
  consoleData: optString,
  parentSessionId: optString,
  log: objectList<SessionLogEntry>((x) => {
    const e = decodeWith(logSchema)(x);
    return e && { date: e.date, message: e.message };
  }),
  members: objectList<SessionMember>((x) => {
    const m = decodeWith(memberSchema)(x);
    return m && { ...MEMBER_DEFAULTS, ...m };
  }),
} satisfies { [K in keyof Session]: z.ZodMiniType<K extends 'id' ? string | undefined : Session[K]> };

const MEMBER_DEFAULTS: SessionMember = {
  identity: undefined,
  endpointId: undefined,
  displayName: undefined,
  isOriginalMember: undefined,
  avatarUrl: undefined,
  applicationData: [],
  callState: undefined,
  role: undefined,
  callSid: undefined,
  muted: undefined,
};

const SESSION_KEYS = Object.keys(sessionShape) as (keyof Session)[];
const sessionSchema = z.object(sessionShape);
const listSchema = z.object({
  items: z.catch(z.array(z.unknown()), []),
  totalCount: optCount,
  totalPages: optCount,
  hasMorePages: optBool,
});

function decodeSession(raw: Record<string, unknown>, fallbackId: string): Session | undefined {
  const r = sessionSchema.safeParse(raw);
  if (!r.success) return undefined; // unreachable in practice: every field has a fallback
  // Missing keys are absent from zod's output; the model has every key, present as undefined.
  const out = {} as Record<keyof Session, unknown>;
  for (const k of SESSION_KEYS) out[k] = r.data[k];
  out.id = r.data.id || fallbackId;
  return out as Session;
}

/**
 * Decodes a `GET /sessions` response body. Never throws: anything that is not a list response
 * decodes to an empty page. `page` is only used to name items that lack an id.
 */
export function decodeSessionsPage(json: unknown, page: number): SessionsPage {
  const top = listSchema.safeParse(isRecord(json) ? json : {});
  const data = top.success ? top.data : { items: [] };
  const items: Session[] = [];
  data.items.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    try {
      const s = decodeSession(raw, `unknown-${page}-${index}`);
      if (s) items.push(s);
    } catch {
      // A defect in one item's decoding must not cost the rest of the page.
    }
  });
  return {
    items,
    totalCount: data.totalCount,
    totalPages: data.totalPages,
    hasMorePages: data.hasMorePages,
  };
}
