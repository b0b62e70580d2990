import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DB_PATH, readSandboxConfig } from './config';
import { openSandbox } from './sandbox';
import { TEST_NOW, testSandboxConfig } from './test-sandbox';

describe('readSandboxConfig', () => {
  it('has the documented defaults', () => {
    expect(readSandboxConfig({})).toEqual({
      port: 4010,
      sessions: 25000,
      seed: 1,
      dbPath: DEFAULT_DB_PATH,
      now: undefined,
      latencyMs: 0,
      failRate: 0,
      auth: false,
      specimens: false,
      arrivalsPerMin: 0,
      inBothStores: 0,
    });
    expect(DEFAULT_DB_PATH.endsWith(path.join('.sandbox', 'sessions.db'))).toBe(true);
  });

  it('reads every setting', () => {
    const config = readSandboxConfig({
      SANDBOX_PORT: '5000',
      SANDBOX_SESSIONS: '1000',
      SANDBOX_SEED: '42',
      SANDBOX_DB: ':memory:',
      SANDBOX_NOW: TEST_NOW,
      SANDBOX_LATENCY_MS: '250',
      SANDBOX_FAIL_RATE: '0.25',
      SANDBOX_AUTH: '1',
      SANDBOX_SPECIMENS: '1',
      SANDBOX_ARRIVALS_PER_MIN: '12',
      SANDBOX_IN_BOTH_STORES: '3',
    });
    expect(config).toEqual({
      port: 5000,
      sessions: 1000,
      seed: 42,
      dbPath: ':memory:',
      now: Date.parse(TEST_NOW),
      latencyMs: 250,
      failRate: 0.25,
      auth: true,
      specimens: true,
      arrivalsPerMin: 12,
      inBothStores: 3,
    });
    expect(path.isAbsolute(readSandboxConfig({ SANDBOX_DB: 'tmp/x.db' }).dbPath)).toBe(true);
  });

  it.each([
    ['SANDBOX_PORT', 'abc'],
    ['SANDBOX_SESSIONS', '-5'],
    ['SANDBOX_NOW', 'tomorrow'],
    ['SANDBOX_FAIL_RATE', '2'],
    ['SANDBOX_ARRIVALS_PER_MIN', '0.5'],
    ['SANDBOX_ARRIVALS_PER_MIN', '601'],
    ['SANDBOX_IN_BOTH_STORES', '-1'],
  ])('rejects %s=%s with a message naming it', (name, value) => {
    expect(() => readSandboxConfig({ [name]: value })).toThrow(name);
  });
});

describe('latency and failures', () => {
  const base = testSandboxConfig({ sessions: 100 });

  it('SANDBOX_LATENCY_MS delays /sessions', async () => {
    const sandbox = openSandbox({ ...base, latencyMs: 200 });
    try {
      const started = performance.now();
      expect((await sandbox.app.request('/sessions')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    } finally {
      sandbox.close();
    }
  });

  it('SANDBOX_FAIL_RATE=1 answers every /sessions with a 500 ErrorResponse, and 0 never', async () => {
    const failing = openSandbox({ ...base, failRate: 1 });
    try {
      const response = await failing.app.request('/sessions');
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ responseStatus: { errorCode: expect.any(String) } });
    } finally {
      failing.close();
    }
  });
});
