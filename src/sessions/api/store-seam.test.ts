import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SESSIONS_URL } from '../../../test/msw-handlers';
import { toSessionsRequest } from './build-sessions-query';
import { setApiBase } from './fetch-sessions';
import { fetchSeamDuplicates, SEAM_PAGE_SIZE } from './store-seam';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-20T00:00:00Z');
type Row = { id: string; dateCreated: string };
const row = (id: string, minute: number): Row => ({
  id,
  dateCreated: new Date(T0 + minute * MINUTE).toISOString(),
});

/** Live: sessions from minute `liveFrom` on; archive: those before it, plus `inBoth` copies of the oldest live ones. */
function stores(liveFrom: number, count: number, inBoth: number) {
  const all = Array.from({ length: count }, (_, i) => row(`s${i}`, i));
  const live = all.filter((_, i) => i >= liveFrom);
  const archive = [...all.filter((_, i) => i < liveFrom), ...live.slice(0, inBoth)];
  return { live, archive };
}

const server = setupServer();
let requests = 0;
function serve({ live, archive }: { live: Row[]; archive: Row[] }) {
  server.use(
    http.get(SESSIONS_URL, ({ request }) => {
      requests += 1;
      const q = new URL(request.url).searchParams;
      const rows = [...(q.get('searchArchive') === 'true' ? archive : live)].sort((a, b) =>
        a.dateCreated < b.dateCreated ? -1 : 1,
      );
      if (q.get('sortOrder') !== 'Ascend') rows.reverse();
      const size = Number(q.get('countPerPage'));
      const page = Number(q.get('page'));
      return HttpResponse.json({
        items: rows.slice(page * size, (page + 1) * size),
        hasMorePages: (page + 1) * size < rows.length,
      });
    }),
  );
}

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  setApiBase('http://localhost/api/');
});
afterEach(() => {
  server.resetHandlers();
  requests = 0;
});
afterAll(() => {
  server.close();
  setApiBase();
});

const live = toSessionsRequest({ startDate: '2026-11-19', endDate: '2026-11-30' });
const archive = toSessionsRequest({ startDate: '2026-11-19', endDate: '2026-11-30', searchArchive: true });
const seam = (archiveNewestIndex: number, archiveCount: number) =>
  fetchSeamDuplicates({ live, archive, archiveNewestIndex, archiveCount }).then((rows) => rows.length);

describe('sessions in both stores', () => {
  it('finds none when each session is in one store, in one round trip', async () => {
    serve(stores(500, 1000, 0));
    expect(await seam(0, 500)).toBe(0);
    expect(requests).toBe(2);
  });

  it('counts the newest archived rows that are live too', async () => {
    serve(stores(500, 1000, 3));
    expect(await seam(0, 503)).toBe(3);
  });

  it('reads on while every row read is a duplicate, past a page', async () => {
    const inBoth = SEAM_PAGE_SIZE + 40;
    serve(stores(500, 1000, inBoth));
    expect(await seam(0, 500 + inBoth)).toBe(inBoth);
  });

  it('starts at the window: archived rows newer than it are not its duplicates', async () => {
    // The window ends before the 2 newest archived rows (both in transit): 1 more in it is live.
    serve(stores(500, 1000, 3));
    expect(await seam(2, 501)).toBe(1);
  });

  it('never counts past the archived rows inside the window', async () => {
    serve(stores(500, 1000, 30));
    expect(await seam(0, 10)).toBe(10);
  });
});
