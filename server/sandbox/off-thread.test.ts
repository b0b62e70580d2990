import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandbox, type Sandbox } from './sandbox';
import { openSandboxOffThread } from './off-thread';
import { testSandboxConfig } from './test-sandbox';

const config = testSandboxConfig({ sessions: 3000, seed: 9 });
let inThread: Sandbox;
let offThread: Sandbox;

beforeAll(async () => {
  inThread = openSandbox(config);
  offThread = await openSandboxOffThread(config);
});
afterAll(() => {
  inThread.close();
  offThread.close();
});

describe('openSandboxOffThread', () => {
  it.each([
    'countPerPage=50&sortField=fromAddress',
    'searchArchive=true&log=e&countPerPage=100&page=3',
    'simplifiedPaging=true&page=2',
    'all=true&startDate=2026-11-20',
  ])('answers %s exactly as the sandbox in this thread does', async (query) => {
    const [here, there] = await Promise.all([
      inThread.app.request(`/sessions?${query}`),
      offThread.app.request(`/sessions?${query}`),
    ]);
    expect(there.status).toBe(200);
    expect(there.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await there.text()).toBe(await here.text());
  });

  it('answers a refused request with the same 400 naming the field', async () => {
    const res = await offThread.app.request('/sessions?countPerPage=5000');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      responseStatus: { errors: [{ fieldName: 'CountPerPage' }] },
    });
  });

  it('keeps this thread free: a timer set while heavy searches run fires before the first answers', async () => {
    const answered: number[] = [];
    const heavy = Array.from({ length: 5 }, () =>
      Promise.resolve(
        offThread.app.request('/sessions?searchArchive=true&log=e&countPerPage=200&sortField=fromAddress'),
      ).then((res) => {
        answered.push(Date.now());
        return res.status;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answered).toEqual([]);
    expect(await Promise.all(heavy)).toEqual(Array(5).fill(200));
  });
});
