// Decodes whole sessions, flow log and members included, as the drawer and the print view show
// them (decode-page.ts decodes the rest, and is all a table page needs). The log and members are
// nested lists of objects from the wire, each field with its own fallback; zod catches each one.
import * as z from 'zod/mini';
import { decodePage, decodeSessionFields, isRecord, parseWireDate } from './decode-page';
import type { Session, SessionLogEntry, SessionMember, SessionsPage } from './session';

export { parseWireDate } from './decode-page';

// ---- Field schemas: each one catches its own failure ----

const optString = z.catch(z.optional(z.string()), undefined);
const optBool = z.catch(z.optional(z.boolean()), undefined);
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

const decodeWith =
  <S extends z.ZodMiniType>(schema: S) =>
  (x: Record<string, unknown>): z.output<S> | undefined => {
    const r = schema.safeParse(x);
    return r.success ? r.data : undefined;
  };

const logSchema = z.object({ date: optDate, message: z.catch(z.string(), '') });
const decodeLog = decodeWith(logSchema);
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
const logList = objectList<SessionLogEntry>((x) => {
  // Fast path for the well-formed line (thousands per session); the schema handles everything else.
  if (typeof x.date === 'string' && x.date !== '' && typeof x.message === 'string') {
    return { date: parseWireDate(x.date), message: x.message };
  }
  const e = decodeLog(x);
  return e && { date: e.date, message: e.message };
});
const membersList = objectList<SessionMember>((x) => {
  const m = decodeWith(memberSchema)(x);
  return m && { ...MEMBER_DEFAULTS, ...m };
});

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

function decodeSession(raw: Record<string, unknown>, fallbackId: string): Session {
  const session = decodeSessionFields(raw, fallbackId);
  session.log = logList.parse(raw.log);
  session.members = membersList.parse(raw.members);
  return session;
}

/**
 * Decodes a `GET /sessions` response body, sessions whole. Never throws: anything that is not a
 * list response decodes to an empty page. `page` is only used to name items that lack an id.
 */
export function decodeSessionsPage(json: unknown, page: number): SessionsPage {
  return decodePage(json, page, decodeSession);
}
