// Decodes whole sessions, flow log and members included, as the drawer and the print view show
// them (decode-page.ts decodes the rest, and is all a table page needs). The log and members are
// nested lists of objects from the wire: non-objects are skipped, and each field has its own
// fallback, in the same plain style as a session's own fields.
import { bool, date, decodeListResponse, decodeSummary, isRecord, str } from './decode-page';
import type { Session, SessionLogEntry, SessionMember, SessionsPage } from './session';

const objects = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/** Only absolute http(s) URLs can be an <img src> safely; javascript:, data: and relative are dropped. */
function httpUrl(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Dictionary<string,string> on the wire; numbers and booleans are stringified (a loose server);
 * null, objects and arrays have no sensible text and are dropped.
 */
function appData(v: unknown): [string, string][] {
  if (!isRecord(v)) return [];
  return Object.entries(v).flatMap(([k, x]): [string, string][] =>
    typeof x === 'string'
      ? [[k, x]]
      : typeof x === 'number' || typeof x === 'boolean'
        ? [[k, String(x)]]
        : [],
  );
}

function decodeLogEntry(x: Record<string, unknown>): SessionLogEntry {
  return { date: date(x.date), message: str(x.message) ?? '' };
}

function decodeMember(x: Record<string, unknown>): SessionMember {
  return {
    identity: str(x.identity),
    endpointId: str(x.endpointId),
    displayName: str(x.displayName),
    isOriginalMember: bool(x.isOriginalMember),
    avatarUrl: httpUrl(x.avatarUrl),
    applicationData: appData(x.applicationData),
    callState: str(x.callState),
    role: str(x.role),
    callSid: str(x.callSid),
    muted: bool(x.muted),
  };
}

function decodeSession(raw: Record<string, unknown>, fallbackId: string): Session {
  return {
    ...decodeSummary(raw, fallbackId),
    log: objects(raw.log).map(decodeLogEntry),
    members: objects(raw.members).map(decodeMember),
  };
}

/**
 * Decodes a `GET /sessions` response body, sessions whole. Never throws: anything that is not a
 * list response decodes to an empty page. `page` is only used to name items that lack an id.
 */
export function decodeSessionsPage(json: unknown, page: number): SessionsPage {
  return decodeListResponse(json, page, decodeSession);
}
