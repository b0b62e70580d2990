// Random GET /sessions requests: SQL, LIKE and FTS syntax, huge and negative numbers, unicode, 60 KB
// values, repeated and oddly cased keys. Whatever arrives, the answer is never a 5xx, and every 400 is
// a ServiceStack ErrorResponse naming a field that was sent. Fixed seeds: a failure reproduces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAppServer } from './app-server';
import { makeTestDist } from './test-dist';
import { openSandbox, type Sandbox } from './sandbox/sandbox';
import { openSandboxOffThread } from './sandbox/off-thread';
import { testSandboxConfig } from './sandbox/test-sandbox';

const KEYS = [
  'accountIds',
  'searchArchive',
  'startDate',
  'endDate',
  'customerIds',
  'endpointIds',
  'from',
  'to',
  'log',
  'parentSessionId',
  'page',
  'all',
  'countPerPage',
  'specificIds',
  'sortField',
  'sortOrder',
  'simplifiedPaging',
];

const oddCase = (key: string) =>
  fc
    .array(fc.boolean(), { minLength: key.length, maxLength: key.length })
    .map((upper) => [...key].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...KEYS).chain(oddCase) },
  { weight: 1, arbitrary: fc.constantFrom('callback', 'format', 'password', 'x', '', 'page[]') },
);

const value = fc.oneof(
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE sessions; --',
    '%',
    '_',
    '%_%',
    '\\',
    '\\%',
    '"',
    '""',
    'NEAR(a b)',
    'a OR b',
    '-x*',
    '^a',
    'a:b',
    '{from_address}: x',
    '\u0000',
    'true',
    'false',
    'TRUE',
    '1',
    '0',
    '-1',
    '+5',
    '1e3',
    '0x10',
    '999999999',
    '9999999999999999999999',
    '-9007199254740993',
    'NaN',
    'Infinity',
    '2026-11-27',
    '2026-02-30',
    '0000-01-01',
    '9999-12-31',
    'dateCreated',
    'wasmissed',
    'Ascend',
    'descend',
    'a,b,,c',
    ',,,',
    '\u202e\u0627\u0644\ud83d\ude00',
    '\ud800',
    '',
    ' ',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc
    .constantFrom(60 * 1024, 30_000, 1001, 1000)
    .chain((n) => fc.constantFrom('_', '%', 'a', '\u00e9', ',').map((ch) => ch.repeat(n))),
);

/** Percent-encodes as UTF-8 (a lone surrogate becomes U+FFFD, as a browser sends it). */
const encode = (text: string) =>
  encodeURIComponent(
    text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );

/** Escapes no client should send: broken UTF-8, a bad escape, a raw plus. */
const rawValue = fc.constantFrom('%ED%A0%80', '%zz', '%', '%E2%82', 'a+b', '%2B1503');

/** A raw query string: keys and values percent-encoded, keys repeated at times, some raw escapes. */
const query = fc
  .array(fc.tuple(key, fc.oneof({ weight: 5, arbitrary: value.map(encode) }, rawValue)), { maxLength: 8 })
  .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${v}`).join('&'));

async function checkAnswer(res: Response, sent: string) {
  expect(res.status, `GET /sessions?${sent.slice(0, 300)}`).toBeLessThan(500);
  if (res.status !== 400) {
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    return;
  }
  const body = (await res.json()) as {
    responseStatus?: { errorCode?: unknown; message?: unknown; errors?: { fieldName?: unknown }[] };
  };
  const status = body.responseStatus;
  expect(typeof status?.errorCode).toBe('string');
  expect(typeof status?.message).toBe('string');
  const fieldName = status?.errors?.[0]?.fieldName;
  expect(typeof fieldName).toBe('string');
  const sentKeys = new URLSearchParams(sent).keys();
  expect([...sentKeys].map((k) => k.toLowerCase())).toContain(String(fieldName).toLowerCase());
}

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = openSandbox(testSandboxConfig({ sessions: 200 }));
});
afterAll(() => sandbox.close());

describe('GET /sessions, fuzzed', () => {
  it('the sandbox: 2,000 random requests, never a 5xx, every 400 naming a field it was sent', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => checkAnswer(await sandbox.app.request(`/sessions?${q}`), q)),
      { numRuns: 2000, seed: 14 },
    );
  }, 120_000);

  it('the app server (worker-thread sandbox): 500 random requests, the same', async () => {
    const dist = makeTestDist();
    const offThread = await openSandboxOffThread(testSandboxConfig({ sessions: 200 }));
    try {
      const app = createAppServer({ distDir: dist.dir, sandbox: offThread });
      await fc.assert(
        fc.asyncProperty(query, async (q) =>
          checkAnswer(await app.request(`http://localhost/api/sessions?${q}`), q),
        ),
        { numRuns: 500, seed: 1414 },
      );
    } finally {
      offThread.close();
      dist.remove();
    }
  }, 120_000);
});
