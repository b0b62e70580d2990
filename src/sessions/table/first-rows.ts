// The first screen of rows, drawn from page 0 before the app's code has run.
//
// On a cold load page 0 comes back (head-start.ts asks for it first thing) well before React, the
// router, React Query and TanStack Table have arrived, compiled and rendered: about 200 ms of a
// 450 ms first screen here. This draws the rows into index.html's shell as soon as page 0 is in, as
// plain DOM built with what the React grid draws with (column-defs.ts, row-view.ts): the same
// columns, widths, cells and classes, at the same place. The app's first render replaces everything
// in #root, and the filter panel, the toolbar and the status line appear: the rows stay where they
// are, and become live (click, keyboard, scrolling more). Until then they take no input (`inert`).
//
// Drawn only when page 0 is in before the app starts rendering, and only in the plain case: a link
// with ignored parts (the app shows a notice above the rows), an error, an empty result, a window
// too narrow for the lines above the grid, a hidden tab (it paints nothing) or styles not loaded yet
// are left to the app. Text goes in as text, never as markup.
import { decodePage } from '../api/decode-page';
import type { EarlyRequest } from '../api/early-request';
import type { Session } from '../api/session';
import { DEFAULT_SORT, type SessionSearch } from '../filters/session-search';
import { readStored } from '../../lib/stored-value';
import { COLUMN_SIZES, COLUMN_VISIBILITY, DENSITY, FILTER_PANEL_OPEN, ZONE } from '../preference-values';
import { COLUMN_META, fitColumns, gridLabel, HEADER_HEIGHT, ROW_HEIGHT, shownColumns } from './column-defs';
import { cellParts, countRows, startTitle, toRowView, type RowView } from './row-view';

/**
 * Narrower than this, the toolbar and the status line above the grid may wrap once the app fills
 * them (a live view's do below about 590 px), and the rows would move down: nothing is drawn.
 */
const MIN_MAIN_WIDTH = 660;
/** Longest the app waits for rows drawn here to be painted (a hidden tab paints nothing). */
const PAINT_WAIT_MS = 100;
let painted: Promise<void> | undefined;
/** Set once the app starts rendering: nothing is drawn after that. */
let handedOver = false;

/**
 * Draws page 0's first rows when `early` (its request) is answered, if the app has not rendered by
 * then. Resolves once they are painted, or at once when none are drawn. Never rejects; the app does
 * not depend on it.
 */
export function drawFirstRowsOf(early: EarlyRequest, search: SessionSearch): Promise<void> {
  // Known before page 0 is in: nothing will be drawn, and the app (head-start.ts) need not wait.
  if (document.visibilityState !== 'visible' || window.innerWidth < MIN_MAIN_WIDTH) return Promise.resolve();
  return Promise.all([early.response, early.json()])
    .then(([response, json]) => {
      const loading = document.querySelector('#root > .app-shell > .app-loading');
      if (!response.ok || !loading || handedOver || document.visibilityState !== 'visible') return;
      const page = decodePage(json, 0);
      if (page.items.length === 0) return;
      const screen = firstScreen(countRows({ ...page, rows: page.items }, [], 0), search);
      // In the page without its rows first: the column widths depend on the grid's width, and
      // reading it lays the page out, which is quicker before there are rows to lay out.
      loading.replaceWith(screen.node);
      if (!screen.styled() || screen.mainWidth() < MIN_MAIN_WIDTH) {
        screen.node.replaceWith(loading);
        return;
      }
      screen.fitWidths();
      const addTitles = screen.addRows(page.items);
      painted = new Promise((resolve) => {
        // A task posted from the frame's callback runs once that frame is painted.
        requestAnimationFrame(() =>
          setTimeout(() => {
            addTitles();
            resolve();
          }),
        );
        setTimeout(resolve, PAINT_WAIT_MS);
      });
      return painted;
    })
    .catch(() => {
      // The app shows what went wrong.
    });
}

/**
 * The app is about to render: nothing is drawn from now on. Resolves once rows drawn before have
 * been painted (at once when none were): the app's first render waits for it, as it would otherwise
 * replace them before they were ever on screen.
 */
export function handOverFirstRows(): Promise<void> {
  handedOver = true;
  return painted ?? Promise.resolve();
}

function el(tag: string, className?: string, attrs: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/** The sessions screen as SessionsScreen lays it out, with only the grid filled in. */
function firstScreen(rowCount: number, search: SessionSearch) {
  // Inert: nothing in it takes focus or clicks, which the app's render would lose.
  const layout = el('div', 'sessions-layout', { inert: '' });
  const panel = el('div', 'filter-panel-slot');
  panel.hidden = !readStored(FILTER_PANEL_OPEN);
  panel.append(el('aside', 'filter-panel'));
  const main = el('main', 'sessions-main', { 'aria-label': 'Sessions' });
  const status = el('div', 'results-status');
  status.append(el('div', 'results-line'), el('div', 'progress'));
  const grid = firstRowsGrid(rowCount, search);
  main.append(el('div', 'sessions-toolbar'), status, grid.node);
  layout.append(panel, main);
  return {
    ...grid,
    node: layout,
    mainWidth: () => main.clientWidth,
    /** Whether the app's styles apply yet (they load beside this script, and could come later). */
    styled: () => getComputedStyle(layout).display === 'flex',
  };
}

function firstRowsGrid(rowCount: number, search: SessionSearch) {
  const density = readStored(DENSITY);
  const columns = shownColumns(readStored(COLUMN_VISIBILITY), readStored(COLUMN_SIZES));
  const rowHeight = ROW_HEIGHT[density];
  const sort = search.sort ?? DEFAULT_SORT;

  const grid = el('div', `sessions-grid density-${density}`, {
    role: 'grid',
    'aria-label': gridLabel(search.archive === true),
    'aria-rowcount': String(rowCount + 1),
    'aria-colcount': String(columns.length),
    'aria-busy': 'false',
    tabindex: '-1',
  });
  grid.style.setProperty('--row-height', `${rowHeight}px`);

  const header = el('div', 'sessions-header', { role: 'rowgroup' });
  const headerRow = el('div', 'sessions-row sessions-header-row', { role: 'row', 'aria-rowindex': '1' });
  for (const { id } of columns) {
    const meta = COLUMN_META[id]!;
    const sorted = meta.sortField === sort.field ? (sort.desc ? 'descending' : 'ascending') : undefined;
    const th = el('div', 'sessions-th', { role: 'columnheader' });
    if (meta.sortField) {
      th.setAttribute('aria-sort', sorted ?? 'none');
      const button = el('button', 'sessions-sort', { type: 'button', title: `Sort by ${meta.label}` });
      const mark = el('span', 'sort-mark', { 'aria-hidden': 'true' });
      mark.textContent = sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '';
      button.append(meta.label, mark);
      th.append(button);
    } else {
      const label = el('span', 'sessions-th-label');
      if (meta.unsortedWhy) label.title = meta.unsortedWhy;
      label.textContent = meta.label;
      th.append(label);
    }
    th.append(el('div', 'col-resizer', { 'aria-hidden': 'true' }));
    headerRow.append(th);
  }
  header.append(headerRow);

  const body = el('div', 'sessions-body', { role: 'rowgroup' });
  body.style.height = `${rowCount * rowHeight}px`;
  grid.append(header, body);

  return {
    node: grid,
    /**
     * Adds the rows that fit in the window (rows are formatted only for them), without the start
     * cell's hover title, which the browser would first have to set up date formatting for (25-50
     * ms here). Returns what adds the titles, for once the rows are on screen.
     */
    addRows: (sessions: Session[]) => {
      const zone = readStored(ZONE);
      const fitting = sessions.slice(0, Math.ceil((window.innerHeight - HEADER_HEIGHT) / rowHeight));
      const now = Date.now();
      const rows = fitting.map((session, index) => {
        const row = rowNode(
          toRowView(session, zone, { title: false }),
          index,
          rowHeight,
          columns,
          search,
          now,
        );
        body.append(row);
        return row;
      });
      const start = columns.findIndex(({ id }) => id === 'start');
      return () => {
        if (start < 0) return;
        rows.forEach((row, i) =>
          row.children[start]?.firstElementChild?.setAttribute('title', startTitle(fitting[i]!, zone)),
        );
      };
    },
    /** Sets the column widths for the grid's width, as the React grid does. */
    fitWidths: () => {
      const widths = fitColumns(columns, grid.clientWidth);
      widths.forEach((w, i) => grid.style.setProperty(`--c${i + 1}`, `${w}px`));
      grid.style.setProperty('--grid-width', `${widths.reduce((sum, w) => sum + w, 0)}px`);
    },
  };
}

function rowNode(
  row: RowView,
  index: number,
  rowHeight: number,
  columns: { id: string }[],
  search: SessionSearch,
  now: number,
): HTMLElement {
  const node = el(
    'div',
    `sessions-row${row.id === search.session ? ' is-open' : ''}${row.missed ? ' is-missed' : ''}`,
    {
      role: 'row',
      'aria-rowindex': String(index + 2),
      'aria-selected': String(index === 0),
      'data-session-id': row.id,
      tabindex: index === 0 ? '0' : '-1',
    },
  );
  node.style.transform = `translateY(${index * rowHeight}px)`;
  for (const { id } of columns) node.append(cellNode(id, row, now));
  return node;
}

/** One cell, as the React grid's `Cell` draws it in its gridcell. */
export function cellNode(id: string, row: RowView, now: number): HTMLElement {
  const cell = el('div', COLUMN_META[id]?.clip ? 'cell clip' : 'cell', { role: 'gridcell' });
  for (const part of cellParts(id, row, now)) {
    if (typeof part === 'string') {
      if (part) cell.append(part);
      continue;
    }
    const span = el('span', part.className);
    if (part.title !== undefined) span.title = part.title;
    if (part.ariaHidden) span.setAttribute('aria-hidden', 'true');
    span.textContent = part.text;
    cell.append(span);
  }
  return cell;
}
