import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireListResponse } from '../../src/sessions/api/session-types';
import { openSandbox } from './sandbox';
import { HOSTILE, SPECIMEN_IDS, UNPARSEABLE_DATE } from './specimens';
import { startTestSandbox, TEST_NOW, type TestSandbox } from './test-sandbox';

let test: TestSandbox;
beforeAll(async () => {
  test = await startTestSandbox({ sessions: 500 });
});
afterAll(() => test.close());

async function get(query: string): Promise<WireListResponse> {
  return (await (await fetch(`${test.url}/sessions?${query}`)).json()) as WireListResponse;
}

async function specimen(id: string): Promise<Record<string, unknown>> {
  const body = await get(`specificIds=${id}`);
  expect(body.items).toHaveLength(1);
  return body.items?.[0] as Record<string, unknown>;
}

describe('specimens', () => {
  it('all show in the default 7-day live view', async () => {
    const start = new Date(Date.parse(TEST_NOW) - 6 * 86400000).toISOString().slice(0, 10);
    const body = await get(`all=true&startDate=${start}&endDate=${TEST_NOW.slice(0, 10)}`);
    const ids = new Set(body.items?.map((s) => s.id));
    for (const id of Object.values(SPECIMEN_IDS)) expect(ids.has(id)).toBe(true);
  });

  it('has a 5,000-line log, found by log search', async () => {
    const s = await specimen(SPECIMEN_IDS.hugeLog);
    expect(s.log).toHaveLength(5000);
    const found = await get('log=log%20line%204999%20of');
    expect(found.items?.map((x) => x.id)).toEqual([SPECIMEN_IDS.hugeLog]);
  });

  it('has hostile strings in every string field', async () => {
    const s = await specimen(SPECIMEN_IDS.hostile);
    const json = JSON.stringify(s);
    for (const value of Object.values(HOSTILE)) expect(json).toContain(JSON.stringify(value).slice(1, -1));
    const members = s.members as { avatarUrl?: string }[];
    expect(members[0]?.avatarUrl).toBe(HOSTILE.jsUrl);
    const strings = Object.entries(s).filter(([, v]) => typeof v === 'string');
    expect(strings.length).toBeGreaterThan(25);
    const plain = strings.filter(
      ([k, v]) => !/[<=:\u0600-\u06ff\u{1F984}]|A{100}/u.test(String(v)) && !k.startsWith('date'),
    );
    expect(plain.map(([k]) => k)).toEqual([
      'id',
      'accountId',
      'customerId',
      'endpointId',
      'dialState',
      'callState',
      'queueState',
      'channel',
      'direction',
      'holdReason',
    ]);
  });

  it('has enum values outside the lists', async () => {
    const s = await specimen(SPECIMEN_IDS.oddEnums);
    expect(s).toMatchObject({ callState: 'Transcribing', channel: 'Video' });
    expect((s.members as { role?: string }[]).map((m) => m.role)).toContain('Supervisor');
  });

  it('has a WCF date and an unparseable one', async () => {
    const s = await specimen(SPECIMEN_IDS.oddDates);
    expect(s.dateCreated).toMatch(/^\/Date\(\d+-0000\)\/$/);
    expect(s.dateCompleted).toBe(UNPARSEABLE_DATE);
  });

  it('has null and missing optional fields', async () => {
    const s = await specimen(SPECIMEN_IDS.sparse);
    expect(s.accountName).toBeNull();
    expect(s.log).toBeNull();
    expect(s).not.toHaveProperty('toAddress');
    expect(s).not.toHaveProperty('ended');
  });

  it('are absent unless switched on', async () => {
    const clean = openSandbox({ ...test.config, specimens: false });
    try {
      const body = (await (
        await clean.app.request(`/sessions?specificIds=${Object.values(SPECIMEN_IDS).join(',')}`)
      ).json()) as WireListResponse;
      expect(body.items).toEqual([]);
    } finally {
      clean.close();
    }
  });
});
