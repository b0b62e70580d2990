// The wire format of Evo Voice's `GET /sessions` (ServiceStack `ListResponse<SessionInfo>`), and the
// decoded model the UI reads. This file and the rest of `src/sessions/api/` are the only code that
// knows the wire format; the sandbox (`server/sandbox/`) imports these types to answer in it.

export const SESSION_DIAL_STATES = ['None', 'Active'] as const;
export const SESSION_CALL_STATES = ['Disconnected', 'Ringing', 'Connected', 'Hold', 'Passive'] as const;
export const SESSION_QUEUE_STATES = [
  'None',
  'Queued',
  'Ringing',
  'Connected',
  'Hold',
  'Disconnected',
] as const;
export const FLOW_CHANNELS = ['Voice', 'Chat', 'Fax'] as const;
export const SESSION_HOLD_REASONS = ['None', 'Transferring'] as const;
export const MEMBER_CALL_STATES = ['None', 'Ringing', 'Connected', 'Hold'] as const;
export const MEMBER_ROLES = ['None', 'Caller', 'Agent', 'Transfer'] as const;
export const SESSION_DIRECTIONS = ['Incoming', 'Outgoing'] as const;
export const SORT_ORDERS = ['Ascend', 'Descend'] as const;

/** A known enum value, or whatever string a newer server sends (shown as it comes). */
export type OpenEnum<T extends readonly string[]> = T[number] | (string & {});

export type SessionDialState = OpenEnum<typeof SESSION_DIAL_STATES>;
export type SessionCallState = OpenEnum<typeof SESSION_CALL_STATES>;
export type SessionQueueState = OpenEnum<typeof SESSION_QUEUE_STATES>;
export type FlowChannel = OpenEnum<typeof FLOW_CHANNELS>;
export type SessionHoldReason = OpenEnum<typeof SESSION_HOLD_REASONS>;
export type MemberCallState = OpenEnum<typeof MEMBER_CALL_STATES>;
export type MemberRole = OpenEnum<typeof MEMBER_ROLES>;
export type SessionDirection = OpenEnum<typeof SESSION_DIRECTIONS>;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Fields the sandbox can sort by (`sortField`, matched case-insensitively). */
export const SORTABLE_FIELDS = [
  'dateCreated',
  'dateCompleted',
  'fromAddress',
  'toAddress',
  'accountName',
  'customerName',
  'endpointName',
  'answeredByName',
  'channel',
  'direction',
  'outcome',
  'wasMissed',
] as const;
export type SortField = (typeof SORTABLE_FIELDS)[number];

// ---- Wire types: exactly what the server sends. Every field is optional; dates are strings. ----

export interface WireCustomerBreadcrumb {
  id?: string;
  name?: string;
}

export interface WireSessionLogInfo {
  date?: string;
  message?: string;
}

export interface WireSessionMemberInfo {
  identity?: string;
  endpointId?: string;
  displayName?: string;
  isOriginalMember?: boolean;
  avatarUrl?: string;
  applicationData?: Record<string, string>;
  callState?: MemberCallState;
  role?: MemberRole;
  callSid?: string;
  muted?: boolean;
}

export interface WireSessionInfo {
  id?: string;
  dateCreated?: string;
  dateLastModified?: string;
  createdBy?: string;
  lastModifiedBy?: string;
  dialState?: SessionDialState;
  callState?: SessionCallState;
  queueState?: SessionQueueState;
  accountId?: string;
  accountName?: string;
  customerId?: string;
  customerBreadcrumb?: WireCustomerBreadcrumb[];
  customerName?: string;
  endpointId?: string;
  endpointName?: string;
  dateCompleted?: string;
  destination?: string;
  toAddress?: string;
  fromAddress?: string;
  fromName?: string;
  answeredByName?: string;
  answeredById?: string;
  queueMemberId?: string;
  channel?: FlowChannel;
  ended?: boolean;
  outcome?: string;
  callSid?: string;
  consoleData?: string;
  holdQueueName?: string;
  heldByUserId?: string;
  holdReason?: SessionHoldReason;
  conferenceSid?: string;
  displayName?: string;
  log?: WireSessionLogInfo[];
  members?: WireSessionMemberInfo[];
  callbackNumber?: string;
  direction?: SessionDirection;
  fromPhoneNumber?: string;
  mostRecentParticipantCallSid?: string;
  wasMissed?: boolean;
  ringQueueId?: string;
  /** Not in the seed's SessionInfo, but sent by the sandbox and read when present. */
  parentSessionId?: string;
}

export interface WireListResponse {
  items?: WireSessionInfo[];
  totalCount?: number;
  totalPages?: number;
  hasMorePages?: boolean;
}

export interface WireResponseError {
  errorCode?: string;
  fieldName?: string;
  message?: string;
}

export interface WireErrorResponse {
  responseStatus?: {
    errorCode?: string;
    message?: string;
    stackTrace?: string;
    errors?: WireResponseError[];
  };
}

/** `GET /sessions` query parameters, by their camelCase names. */
export interface ListSessionsParams {
  accountIds?: string[];
  searchArchive?: boolean;
  startDate?: string;
  endDate?: string;
  customerIds?: string[];
  endpointIds?: string[];
  from?: string;
  to?: string;
  log?: string;
  parentSessionId?: string;
  page?: number;
  countPerPage?: number;
  all?: boolean;
  specificIds?: string[];
  sortField?: string;
  sortOrder?: SortOrder;
  simplifiedPaging?: boolean;
}
