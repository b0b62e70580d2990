import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireListResponse, WireSessionInfo } from '../../src/sessions/api/session-types';
import {
  FLOW_CHANNELS,
  MEMBER_CALL_STATES,
  MEMBER_ROLES,
  SESSION_CALL_STATES,
  SESSION_DIRECTIONS,
  SESSION_QUEUE_STATES,
} from '../../src/sessions/api/session-types';
import { openSandbox, type Sandbox } from './sandbox';
import { TEST_NOW, testSandboxConfig } from './test-sandbox';

const NOW = Date.parse(TEST_NOW);
let sandbox: Sandbox;
let sessions: WireSessionInfo[];

beforeAll(async () => {
  sandbox = openSandbox(testSandboxConfig({ sessions: 4000, seed: 5 }));
  const get = async (q: string) =>
    ((await (await sandbox.app.request(`/sessions?${q}`)).json()) as WireListResponse).items ?? [];
  sessions = [...(await get('all=true')), ...(await get('all=true&searchArchive=true'))];
});
afterAll(() => sandbox.close());

const ended = () => sessions.filter((s) => s.ended);
const share = (pred: (s: WireSessionInfo) => boolean) => sessions.filter(pred).length / sessions.length;

describe('generated sessions', () => {
  it('spread over 120 days before the clock, quieter at weekends and at night (Pacific time)', () => {
    const created = sessions.map((s) => Date.parse(s.dateCreated ?? ''));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(NOW - 120 * 24 * 3600 * 1000);
    expect(Math.max(...created)).toBeLessThanOrEqual(NOW);
    const local = created.map((ms) => new Date(ms - 8 * 3600 * 1000));
    const weekend = local.filter((d) => d.getUTCDay() === 0 || d.getUTCDay() === 6).length / local.length;
    expect(weekend).toBeLessThan(0.12); // 2/7 = 0.29 if flat
    const night = local.filter((d) => d.getUTCHours() < 6).length / local.length;
    expect(night).toBeLessThan(0.03); // 6/24 = 0.25 if flat
  });

  it('mixes channels (mostly Voice) and both directions', () => {
    expect(share((s) => s.channel === 'Voice')).toBeGreaterThan(0.6);
    expect(share((s) => s.channel === 'Chat')).toBeGreaterThan(0.05);
    expect(share((s) => s.channel === 'Fax')).toBeGreaterThan(0.03);
    expect(share((s) => s.direction === 'Outgoing')).toBeGreaterThan(0.15);
    expect(share((s) => s.direction === 'Incoming')).toBeGreaterThan(0.5);
    for (const s of sessions) {
      expect(FLOW_CHANNELS).toContain(s.channel);
      expect(SESSION_DIRECTIONS).toContain(s.direction);
      expect(SESSION_CALL_STATES).toContain(s.callState);
      expect(SESSION_QUEUE_STATES).toContain(s.queueState);
    }
  });

  it('has 2-3 accounts, dozens of customers with breadcrumbs, hundreds of endpoints', () => {
    const accounts = new Set(sessions.map((s) => s.accountId));
    expect(accounts.size).toBeGreaterThanOrEqual(2);
    expect(accounts.size).toBeLessThanOrEqual(3);
    expect(new Set(sessions.map((s) => s.customerId)).size).toBeGreaterThan(24);
    expect(new Set(sessions.map((s) => s.endpointId)).size).toBeGreaterThan(150);
    for (const s of sessions)
      expect(s.customerBreadcrumb?.at(-1)).toEqual({ id: s.customerId, name: s.customerName });
    expect(sessions.some((s) => (s.customerBreadcrumb?.length ?? 0) > 1)).toBe(true);
  });

  it('uses E.164 numbers for phone traffic and Twilio-shaped SIDs', () => {
    for (const s of sessions.filter((x) => x.direction === 'Incoming' && !x.parentSessionId)) {
      expect(s.fromAddress).toMatch(/^\+1\d{10}$/);
    }
    for (const s of sessions.filter((x) => x.channel === 'Voice'))
      expect(s.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    for (const s of sessions.filter((x) => x.conferenceSid))
      expect(s.conferenceSid).toMatch(/^CF[0-9a-f]{32}$/);
    expect(sessions.some((s) => s.fromName)).toBe(true);
  });

  it('keeps outcomes, wasMissed, answeredByName and durations consistent', () => {
    for (const s of ended()) {
      expect(Date.parse(s.dateCompleted ?? '')).toBeGreaterThanOrEqual(Date.parse(s.dateCreated ?? ''));
      if (s.wasMissed) {
        expect(s.answeredByName).toBeUndefined();
        expect(['Missed', 'Voicemail', 'Abandoned']).toContain(s.outcome);
      }
      if (s.outcome === 'Answered' && s.direction === 'Incoming') expect(s.answeredByName).toBeTruthy();
    }
    expect(share((s) => s.wasMissed === true)).toBeGreaterThan(0.05);
  });

  it('writes 3-60 log lines in time order that read like a call flow', () => {
    for (const s of ended()) {
      const log = s.log ?? [];
      expect(log.length).toBeGreaterThanOrEqual(3);
      expect(log.length).toBeLessThanOrEqual(60);
      const times = log.map((l) => Date.parse(l.date ?? ''));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBe(Date.parse(s.dateCreated ?? ''));
      expect(times.at(-1)).toBe(Date.parse(s.dateCompleted ?? ''));
    }
    const text = sessions.flatMap((s) => s.log ?? []).map((l) => l.message ?? '');
    for (const phrase of [
      'Played greeting',
      'Caller pressed',
      'Entered queue',
      'Ringing agent',
      'Call answered by',
      'transfer',
      'hung up',
    ]) {
      expect(text.some((m) => m.includes(phrase))).toBe(true);
    }
  });

  it('has 1-4 members with known roles and states, https avatars and applicationData', () => {
    for (const s of sessions) {
      const members = s.members ?? [];
      expect(members.length).toBeGreaterThanOrEqual(1);
      expect(members.length).toBeLessThanOrEqual(4);
      for (const m of members) {
        expect(MEMBER_ROLES).toContain(m.role);
        expect(MEMBER_CALL_STATES).toContain(m.callState);
        expect(m.applicationData).toBeTypeOf('object');
        if (m.avatarUrl) expect(m.avatarUrl).toMatch(/^https:\/\//);
      }
    }
  });

  it('links transfers to their parent with parentSessionId, created while the parent ran', () => {
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const children = sessions.filter((s) => s.parentSessionId);
    expect(children.length).toBeGreaterThan(10);
    for (const child of children) {
      const parent = byId.get(child.parentSessionId);
      expect(parent?.outcome).toBe('Transferred');
      expect(Date.parse(child.dateCreated ?? '')).toBeGreaterThan(Date.parse(parent?.dateCreated ?? ''));
      expect(Date.parse(child.dateCreated ?? '')).toBeLessThan(Date.parse(parent?.dateCompleted ?? ''));
    }
  });
});

describe('live sessions', () => {
  /** Live sessions of one database file read at different clocks (the file is reused within a day). */
  async function liveAt(dbPath: string, now: number): Promise<WireSessionInfo[]> {
    const other = openSandbox({
      port: 0,
      sessions: 4000,
      seed: 5,
      dbPath,
      now,
      latencyMs: 0,
      failRate: 0,
      auth: false,
      specimens: false,
      arrivalsPerMin: 0,
      inBothStores: 0,
    });
    try {
      expect(other.summary).toContain(now === NOW ? 'built' : 'reused');
      const body = (await (await other.app.request('/sessions?countPerPage=50')).json()) as WireListResponse;
      return (body.items ?? []).filter((s) => s.ended === false);
    } finally {
      other.close();
    }
  }

  it('has 5-10 sessions in progress, without dateCompleted or outcome', () => {
    const live = sessions.filter((s) => s.ended === false);
    expect(live.length).toBeGreaterThanOrEqual(5);
    expect(live.length).toBeLessThanOrEqual(10);
    for (const s of live) {
      expect(s.dateCompleted).toBeUndefined();
      expect(s.outcome).toBeUndefined();
      expect(['Passive', 'Ringing', 'Connected', 'Hold']).toContain(s.callState);
      expect(['Queued', 'Ringing', 'Connected', 'Hold']).toContain(s.queueState);
      expect(Date.parse(s.dateCreated ?? '')).toBeGreaterThan(NOW - 15 * 60 * 1000);
      expect(Boolean(s.answeredByName)).toBe(s.queueState === 'Connected' || s.queueState === 'Hold');
    }
  });

  it('change state as the clock moves on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-live-'));
    try {
      const dbPath = path.join(dir, 'sessions.db');
      const before = await liveAt(dbPath, NOW);
      expect(before.map((s) => s.id).sort()).toEqual(
        sessions
          .filter((s) => s.ended === false)
          .map((s) => s.id)
          .sort(),
      );
      const states = (list: WireSessionInfo[]) => list.map((s) => `${s.id}:${s.queueState}:${s.log?.length}`);
      const later = await liveAt(dbPath, NOW + 100_000);
      expect(later.map((s) => s.id).sort()).toEqual(before.map((s) => s.id).sort());
      expect(states(later)).not.toEqual(states(before));
      // Same sessions otherwise: only what the clock drives moved.
      expect(later.map((s) => s.dateCreated).sort()).toEqual(before.map((s) => s.dateCreated).sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
