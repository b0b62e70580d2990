import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { makeWireSessions } from '../../../test/session-factory';
import { HOSTILE } from '../../../test/hostile-strings';
import { ApiError } from '../api/api-error';
import { decodeListResponse, decodeSummary } from '../api/decode-page';
import type { SessionWithWire } from '../api/fetch-sessions';
import type { SessionsPage, SessionSummary } from '../api/session';
import { COLUMN_META } from '../table/column-defs';
import { resolveView } from '../view/sessions-view';
import type { CsvLayout } from './export-rows';
import { blobSink, streamSink, type WritableFile } from './export-sink';
import { exportFileName } from './export-name';
import { runExport } from './run-export';
import type { WalkFetch } from './walk-result';
import { memorySink } from '../../../test/memory-sink';

const view = resolveView({ range: '7d' }, Date.parse('2026-12-06T10:00:00Z'), 'utc');
const layout: CsvLayout = {
  columns: ['start', 'from', 'to', 'outcome'],
  zone: 'utc',
  origin: 'https://sh.example',
  now: 0,
};

/** A server over `wire` items, each decoded by `decodeItem`: pages by `page`/`countPerPage`, counted on page 0. */
function serverOf<T extends SessionSummary>(
  wire: Record<string, unknown>[],
  decodeItem: (raw: Record<string, unknown>, id: string) => T,
  onQuery?: (q: URLSearchParams) => void,
) {
  return vi.fn(async (query: URLSearchParams): Promise<SessionsPage<T>> => {
    onQuery?.(query);
    const page = Number(query.get('page'));
    const size = Number(query.get('countPerPage'));
    const slice = wire.slice(page * size, (page + 1) * size);
    const simplified = query.get('simplifiedPaging') === 'true';
    return decodeListResponse(
      {
        items: slice,
        totalCount: simplified ? undefined : wire.length,
        hasMorePages: (page + 1) * size < wire.length,
      },
      page,
      decodeItem,
    );
  });
}

/** The items with their wire JSON, as an NDJSON export reads them. */
const fakeServer = (wire: Record<string, unknown>[], onQuery?: (q: URLSearchParams) => void) =>
  serverOf(wire, (raw, id): SessionWithWire => ({ ...decodeSummary(raw, id), wire: raw }), onQuery);

const rows = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').replace(/\r\n$/, ''), { delimiter: ',', newline: '\r\n' })
    .data;

describe('runExport', () => {
  it('writes one CSV row per session, with its id and link, across pages', async () => {
    const wire = makeWireSessions(25, 3) as unknown as Record<string, unknown>[];
    wire[4] = { ...wire[4], fromName: HOSTILE.formula, toAddress: '+15035551234' };
    const sink = memorySink();
    const progress = await runExport({
      format: 'csv',
      requests: [view.segments[0]!.request],
      layout,
      sink,
      fetchPage: fakeServer(wire),
      pageSize: 10,
    });
    expect(progress).toEqual({ read: 25, kept: 25, total: 25 });
    expect(sink.state).toBe('closed');
    expect(sink.text().startsWith('\uFEFFStart,From,To,Outcome,Session id,Link\r\n')).toBe(true);
    const [header, ...body] = rows(sink.text());
    expect(header).toHaveLength(6);
    expect(body.map((r) => r[4])).toEqual(wire.map((w) => w.id));
    expect(body[0]![5]).toBe(`https://sh.example/?session=${encodeURIComponent(String(wire[0]!.id))}`);
    expect(body[4]![1]!.startsWith("'")).toBe(true);
    expect(body[4]![2]).toBe('+15035551234');
    expect(body[0]![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+00:00$/);
  });

  it("writes the same CSV from the sessions' summaries (what it reads) as from the whole items", async () => {
    const wire = makeWireSessions(40, 11) as unknown as Record<string, unknown>[];
    wire[3] = { ...wire[3], fromName: HOSTILE.formula, toName: 'line\nbreak', toAddress: '+15035551234' };
    const everyColumn = {
      ...layout,
      columns: Object.keys(COLUMN_META),
      now: Date.parse('2026-12-06T10:00:00Z'),
    };
    const csv = async (fetchPage: WalkFetch<SessionSummary>) => {
      const sink = memorySink();
      await runExport({
        format: 'csv',
        requests: [view.segments[0]!.request],
        layout: everyColumn,
        sink,
        fetchPage,
        pageSize: 15,
      });
      return sink.text();
    };
    const fromSummaries = await csv(serverOf(wire, decodeSummary));
    expect(fromSummaries).toBe(await csv(fakeServer(wire)));
    expect(rows(fromSummaries)).toHaveLength(41);
  });

  it('writes NDJSON: the items as the API sent them, fields it does not know included', async () => {
    const wire = makeWireSessions(7, 5) as unknown as Record<string, unknown>[];
    wire[2] = { ...wire[2], someNewField: { nested: [1, 'two'] }, fromName: 'line\nbreak' };
    const sink = memorySink();
    await runExport({
      format: 'ndjson',
      requests: [view.segments[0]!.request],
      layout,
      sink,
      fetchPage: fakeServer(wire),
    });
    const lines = sink.text().trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(wire);
  });

  it('keeps what the predicate accepts, and a session the live result shifted onto the next page once', async () => {
    const wire = makeWireSessions(30, 9) as unknown as Record<string, unknown>[];
    let calls = 0;
    // Two new sessions arrive after page 0: page 1 starts two sessions earlier than it would have.
    const shifted = fakeServer(wire);
    const fetchPage = vi.fn(async (q: URLSearchParams) => {
      const page = await shifted(q);
      if (calls++ === 1)
        page.items.unshift(...(await shifted(new URLSearchParams('page=0&countPerPage=10'))).items.slice(8));
      return page;
    });
    const sink = memorySink();
    const progress = await runExport({
      format: 'ndjson',
      requests: [view.segments[0]!.request],
      layout,
      sink,
      fetchPage,
      pageSize: 10,
      accept: (s) => s.wasMissed === true,
    });
    const ids = sink
      .text()
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    const missed = wire.filter((w) => w.wasMissed === true).map((w) => w.id);
    expect(missed.length).toBeGreaterThan(0);
    expect(ids).toEqual(missed);
    expect(progress.read).toBe(30);
    expect(progress.kept).toBe(missed.length);
  });

  it('retries a failed page, then gives up and aborts the sink', async () => {
    const wire = makeWireSessions(5, 1) as unknown as Record<string, unknown>[];
    const server = fakeServer(wire);
    let failures = 1;
    const flaky = async (q: URLSearchParams) => {
      if (failures-- > 0) throw new ApiError({ kind: 'network', status: 0, message: 'offline' });
      return server(q);
    };
    const ok = memorySink();
    const done = runExport({
      format: 'ndjson',
      requests: [view.segments[0]!.request],
      layout,
      sink: ok,
      fetchPage: flaky,
    });
    await vi.waitFor(() => expect(server).toHaveBeenCalled(), { timeout: 3000 });
    await done;
    expect(ok.text().trimEnd().split('\n')).toHaveLength(5);

    const broken = memorySink();
    const bad = new ApiError({ kind: 'http', status: 400, message: 'bad request' });
    await expect(
      runExport({
        format: 'csv',
        requests: [view.segments[0]!.request],
        layout,
        sink: broken,
        fetchPage: () => Promise.reject(bad),
      }),
    ).rejects.toBe(bad);
    expect(broken.state).toBe('aborted');
  });

  it('stops when cancelled and aborts the file', async () => {
    const controller = new AbortController();
    const wire = makeWireSessions(40, 2) as unknown as Record<string, unknown>[];
    const writes: string[] = [];
    const file: WritableFile = {
      write: async (chunk) => void writes.push(chunk),
      close: vi.fn(async () => {}),
      abort: vi.fn(async () => {}),
    };
    const result = runExport({
      format: 'csv',
      requests: [view.segments[0]!.request],
      layout,
      sink: streamSink(file),
      fetchPage: fakeServer(wire),
      pageSize: 10,
      signal: controller.signal,
      onProgress: (p) => p.read >= 20 && controller.abort(),
    });
    await expect(result).rejects.toThrow();
    expect(file.abort).toHaveBeenCalled();
    expect(file.close).not.toHaveBeenCalled();
    // The header and the first two pages went to the file, in order, before the cancel.
    expect(
      rows(writes.join(''))
        .slice(1)
        .map((r) => r[4]),
    ).toEqual(wire.slice(0, 20).map((w) => w.id));
  });
});

describe('sinks', () => {
  it('stream sink: writes each chunk to the file in order and closes it', async () => {
    const calls: string[] = [];
    const sink = streamSink({
      write: async (c) => void calls.push(`write ${c}`),
      close: async () => void calls.push('close'),
      abort: async () => void calls.push('abort'),
    });
    await sink.write('\uFEFFa');
    await sink.write('b');
    await sink.close();
    expect(calls).toEqual(['write \uFEFFa', 'write b', 'close']);
  });

  it('blob sink: one Blob of the parts, UTF-8 with the BOM, downloaded under the file name', async () => {
    const download = vi.fn<(blob: Blob, name: string) => void>();
    const sink = blobSink('x.csv', 'text/csv;charset=utf-8', download);
    await sink.write('\uFEFFé,');
    await sink.write('🦄\r\n');
    await sink.close();
    const [blob, name] = download.mock.calls[0]!;
    expect(name).toBe('x.csv');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFé,🦄\r\n');
  });
});

describe('exportFileName', () => {
  it('names the days, the store and the filters', () => {
    expect(exportFileName(view, 'csv')).toBe('sessions_2026-11-30_2026-12-06.csv');
    const refined = resolveView(
      {
        range: '7d',
        missed: true,
        direction: 'Incoming',
        outcome: ['Answered', 'Voicemail'],
        minDuration: 60,
      },
      Date.parse('2026-12-06T10:00:00Z'),
      'utc',
    );
    expect(exportFileName(refined, 'csv')).toBe(
      'sessions_2026-11-30_2026-12-06_missed_outcome-Answered-Voicemail_Incoming_min-60s.csv',
    );
    const filtered = resolveView(
      { start: '2026-10-01', end: '2026-10-31', archive: true, from: '+1 503', customer: ['c1', 'c2'] },
      Date.parse('2026-12-06T10:00:00Z'),
      'utc',
    );
    expect(exportFileName(filtered, 'ndjson')).toBe(
      'sessions_2026-10-01_2026-10-31_archive_from-1-503_2-customers.ndjson',
    );
    const hostile = resolveView(
      { log: '../../etc/passwd', to: '<script>' },
      Date.parse('2026-12-06T10:00:00Z'),
      'utc',
    );
    expect(exportFileName(hostile, 'csv')).toBe(
      'sessions_2026-11-30_2026-12-06_to-script_log-etc-passwd.csv',
    );
  });
});
