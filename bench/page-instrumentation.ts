// What the benchmark installs in each page before its own scripts run, and how it reads each grid.
// initScript runs in the browser: it closes over no Node values.
import type { LongTask } from './ready';

export type Target = 'app' | 'agGrid' | 'static';

export const VIEWPORT = { width: 1440, height: 900 };

/** How to read each page's grid: selectors and attributes, evaluated inside the page. */
export interface Probe {
  scroller: string;
  row: string;
  dataRow: string;
  placeholder: string;
  idAttr: string;
  indexAttr: string;
  indexOffset: number;
  /** Present once the grid's own code runs (rows can be clicked, scrolled for more). */
  live: string;
  /** What a click on a row opens, if anything. */
  dialog?: string;
}

export const PROBES: Record<Target, Probe> = {
  app: {
    scroller: '[role="grid"].sessions-grid',
    row: '[role="row"][data-session-id], [role="row"][aria-busy="true"]',
    dataRow: '[role="row"][data-session-id]',
    placeholder: '[role="row"][aria-busy="true"]',
    idAttr: 'data-session-id',
    indexAttr: 'aria-rowindex',
    indexOffset: 2, // aria-rowindex counts the header row and starts at 1
    // The app's own toolbar: there once the app has rendered its first screen.
    live: '.sessions-toolbar button',
    dialog: '[role="dialog"][aria-modal="true"]',
  },
  agGrid: {
    scroller: '.ag-grid-viewport', // AG Grid 36's one scroll container (rows and header inside)
    row: '.ag-grid-viewport .ag-row',
    // A block still loading renders rows with empty cells and no row-id (getRowId needs data).
    dataRow: '.ag-grid-viewport .ag-row[row-id]',
    placeholder: '.ag-grid-viewport .ag-row:not([row-id])',
    idAttr: 'row-id',
    indexAttr: 'row-index',
    indexOffset: 0,
    live: '.ag-grid-viewport .ag-row[row-id]', // AG Grid draws its rows itself
  },
  static: {
    scroller: '.scroller',
    row: 'tbody tr',
    dataRow: 'tbody tr',
    placeholder: 'tbody tr.never',
    idAttr: 'data-row-id',
    indexAttr: 'data-row-id',
    indexOffset: 0,
    live: 'tbody tr',
  },
};

/** The first rows painted, compared with the rows in view when read (at ready). */
export interface FirstRowsKept {
  /** Data rows in view at the first paint. */
  painted: number;
  /** How many of them are no longer the element showing their row (removed, or another in place). */
  replaced: number;
  /** When the first of them left the page (NaN if none did). */
  removedAt: number;
}

export interface BenchWindow {
  __bench: {
    probe: Probe;
    longTasks: LongTask[];
    /** Adds the long tasks reported but not yet delivered to the observer's callback. */
    flushLongTasks: () => void;
    firstRowsAt?: number;
    firstLiveRowsAt?: number;
    firstRowsKept: () => FirstRowsKept;
    /** Set when the page is loaded to be clicked at its first paint (clickLoad). */
    click?: { requestedAt: number; id: string; dialogAt?: number; openedId?: string | null };
    lastInputAt: number;
    /** Calls `done` with the time once the frame being produced has been painted (call it in a rAF). */
    afterFrame: (done: (at: number) => void) => void;
    rowLog: { t: number; ids: string[] }[];
    logging: boolean;
    /** Set by the page's own watcher to end a scroll (harness.ts) before its time. */
    stopScroll?: boolean;
  };
  /** Exposed by clickLoad: clicks the page at (x, y) through the browser's input, as a user. */
  __benchClick?: (x: number, y: number) => Promise<void>;
}

export function initScript({
  probe,
  clickAtFirstPaint,
  firstRowCount = 10,
}: {
  probe: Probe;
  clickAtFirstPaint: boolean;
  /** Data rows in view that make "the first rows" (fewer for a result known to hold fewer). */
  firstRowCount?: number;
}) {
  const w = window as unknown as BenchWindow;
  // When the frame being produced has been painted: a task posted from its rAF runs after its style,
  // layout and paint. (A rAF's own timestamp is when the frame began, which can be before the long
  // task that put the rows in the DOM: it would leave out the render that drew them.)
  const afterFrame = (done: (at: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  };
  const addLongTasks = (entries: PerformanceEntryList) => {
    for (const e of entries) w.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  };
  const longTasks = new PerformanceObserver((list) => addLongTasks(list.getEntries()));
  longTasks.observe({ type: 'longtask', buffered: true });

  // Which data rows are in view, top first; read from the last painted frame at each rAF.
  const visibleRows = () => {
    const sc = document.querySelector(probe.scroller);
    if (!sc) return [];
    const box = sc.getBoundingClientRect();
    const rows: Element[] = [];
    for (const el of sc.querySelectorAll(probe.dataRow)) {
      const r = el.getBoundingClientRect();
      if (r.bottom > box.top + 40 && r.top < box.bottom && (el.textContent ?? '').trim()) rows.push(el);
    }
    return rows;
  };
  const idOf = (el: Element) => el.getAttribute(probe.idAttr) ?? '';

  // The row elements of the first paint, and when the first of them left the page.
  let firstRows: Element[] = [];
  let removedAt = NaN;
  const removals = new MutationObserver(() => {
    if (firstRows.every((el) => el.isConnected)) return;
    removedAt = performance.now();
    removals.disconnect();
  });
  const firstRowsKept = (): FirstRowsKept => {
    removals.disconnect();
    const now = visibleRows();
    return {
      painted: firstRows.length,
      replaced: firstRows.filter((el, i) => !el.isConnected || now[i] !== el).length,
      removedAt,
    };
  };

  w.__bench = {
    probe,
    longTasks: [],
    flushLongTasks: () => addLongTasks(longTasks.takeRecords()),
    firstRowsKept,
    lastInputAt: 0,
    afterFrame,
    rowLog: [],
    logging: false,
  };
  addEventListener('input', () => (w.__bench.lastInputAt = performance.now()), true);

  // A user's click on the first row, at the moment it is painted: the browser queues the input
  // behind whatever the page is doing, as it would a mouse's.
  const clickFirstRow = (row: Element, at: number) => {
    const r = row.getBoundingClientRect();
    w.__bench.click = { requestedAt: at, id: idOf(row) };
    void w.__benchClick?.(r.left + Math.min(40, r.width / 4), r.top + r.height / 2);
  };

  let firstSeen = false;
  let liveSeen = false;
  const tick = () => {
    const rows = firstSeen ? [] : visibleRows();
    if (!firstSeen && rows.length >= firstRowCount) {
      firstSeen = true;
      firstRows = rows;
      removals.observe(document.documentElement, { childList: true, subtree: true });
      afterFrame((at) => {
        w.__bench.firstRowsAt = at;
        if (clickAtFirstPaint && firstRows[0]) clickFirstRow(firstRows[0], at);
      });
    }
    if (
      firstSeen &&
      !liveSeen &&
      document.querySelector(probe.live) &&
      visibleRows().length >= firstRowCount
    ) {
      liveSeen = true;
      afterFrame((at) => (w.__bench.firstLiveRowsAt = at));
    }
    const click = w.__bench.click;
    if (click && click.dialogAt === undefined && probe.dialog && document.querySelector(probe.dialog)) {
      click.dialogAt = NaN; // painted in this frame; its time follows
      afterFrame((at) => {
        click.dialogAt = at;
        click.openedId = new URL(location.href).searchParams.get('session');
      });
    }
    if (w.__bench.logging) {
      const ids = visibleRows().slice(0, 3).map(idOf);
      const last = w.__bench.rowLog[w.__bench.rowLog.length - 1];
      if (!last || last.ids.join() !== ids.join()) {
        // Its time is NaN until the frame is painted: readers wait for a number (NaN is falsy).
        const entry = { t: NaN, ids };
        w.__bench.rowLog.push(entry);
        afterFrame((at) => (entry.t = at));
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
