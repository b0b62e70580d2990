// The decoded model the UI reads. `decode-sessions.ts` turns wire JSON into these; nothing else
// in the UI touches wire JSON. Strings that were missing or null become `undefined`; dates keep
// their raw text so an unparseable one can still be shown as it came.
import type {
  FlowChannel,
  MemberCallState,
  MemberRole,
  SessionCallState,
  SessionDialState,
  SessionDirection,
  SessionHoldReason,
  SessionQueueState,
} from './session-types';

/** A date from the wire: `ms` is epoch milliseconds, or `undefined` when `raw` could not be parsed. */
export interface WireDate {
  raw: string;
  ms: number | undefined;
}

export interface CustomerCrumb {
  id: string | undefined;
  name: string | undefined;
}

export interface SessionLogEntry {
  date: WireDate | undefined;
  message: string;
}

export interface SessionMember {
  identity: string | undefined;
  endpointId: string | undefined;
  displayName: string | undefined;
  isOriginalMember: boolean | undefined;
  /** Only http(s) URLs survive decoding; anything else (javascript:, data:) is dropped. */
  avatarUrl: string | undefined;
  applicationData: [key: string, value: string][];
  callState: MemberCallState | undefined;
  role: MemberRole | undefined;
  callSid: string | undefined;
  muted: boolean | undefined;
}

/**
 * A session without its flow log and members: what a table page holds. The API sends every
 * session whole; table pages are decoded without the two lists (the drawer fetches its session).
 */
export interface SessionSummary {
  /** Always present: items without an id get a stable synthetic one (`unknown-<page>-<index>`). */
  id: string;
  dateCreated: WireDate | undefined;
  dateLastModified: WireDate | undefined;
  dateCompleted: WireDate | undefined;
  createdBy: string | undefined;
  lastModifiedBy: string | undefined;
  dialState: SessionDialState | undefined;
  callState: SessionCallState | undefined;
  queueState: SessionQueueState | undefined;
  accountId: string | undefined;
  accountName: string | undefined;
  customerId: string | undefined;
  customerName: string | undefined;
  customerBreadcrumb: CustomerCrumb[];
  endpointId: string | undefined;
  endpointName: string | undefined;
  answeredById: string | undefined;
  answeredByName: string | undefined;
  queueMemberId: string | undefined;
  displayName: string | undefined;
  direction: SessionDirection | undefined;
  channel: FlowChannel | undefined;
  destination: string | undefined;
  toAddress: string | undefined;
  fromAddress: string | undefined;
  fromName: string | undefined;
  fromPhoneNumber: string | undefined;
  callbackNumber: string | undefined;
  ended: boolean | undefined;
  outcome: string | undefined;
  wasMissed: boolean | undefined;
  holdReason: SessionHoldReason | undefined;
  holdQueueName: string | undefined;
  heldByUserId: string | undefined;
  callSid: string | undefined;
  conferenceSid: string | undefined;
  mostRecentParticipantCallSid: string | undefined;
  ringQueueId: string | undefined;
  consoleData: string | undefined;
  parentSessionId: string | undefined;
}

/** A whole session, as the drawer and the print view show it. */
export interface Session extends SessionSummary {
  log: SessionLogEntry[];
  members: SessionMember[];
}

export interface SessionsPage<T extends SessionSummary = Session> {
  items: T[];
  /** `undefined` when the server did not count (simplifiedPaging). */
  totalCount: number | undefined;
  totalPages: number | undefined;
  hasMorePages: boolean | undefined;
}
