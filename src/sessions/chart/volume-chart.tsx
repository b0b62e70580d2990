// The volume chart above the table: sessions over the view's window as bars at wall-clock
// boundaries of the display zone, missed sessions stacked when the rows that tell them are at hand.
// Clicking a bar narrows the view to it; dragging across bars narrows it to the run of them.
//
// Each bar is an HTML button holding a CSS bar, not an SVG shape: focus, Enter and Space, an
// accessible name and high-contrast outlines come with the element, and heights in percent print as
// drawn. One bar is a tab stop; arrow keys, Home and End move between bars (a 60-bar chart is not 60
// stops on the way to the table). Loaded lazily (sessions-table.tsx): it is not first-screen code.
import { memo, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { sessionQueries } from '../api/session-queries';
import type { SessionsRequest } from '../api/build-sessions-query';
import type { ScanState } from '../scan/scan-protocol';
import type { SessionSummary } from '../api/session';
import { useUpdateSessionSearch } from '../filters/use-session-search';
import type { SessionsView } from '../view/sessions-view';
import { zoneLabel } from '../view/time-window-label';
import { formatCount } from '../../lib/format';
import { axisTicks, barCountText, barTimeSearch, barTimeText, unitText } from './bar-labels';
import { bucketRows } from './count-bars';
import { volumeBars } from './volume-bars';
import './volume-chart.css';

export interface VolumeChartProps {
  /** The view whose window is drawn (its time keys read in its display zone, at its anchor). */
  view: SessionsView;
  /** The view's server requests (live and archive), counted per bar when the view has no refinements. */
  requests: readonly SessionsRequest[];
  anchorMs: number;
  /** The server may be asked for the counts (the table's first rows are in). */
  counting: boolean;
  /**
   * The result is the scan's rows (a view with refinements, or one read whole): counted here as they
   * arrive, and the server is not asked.
   */
  scanned: boolean;
  /** The scan whose rows the result is (else none: the chart need not draw again as a scan goes on). */
  scan: ScanState | undefined;
  /** Archived copies of live sessions the result leaves out: counted by the stores, taken off here. */
  leftOut?: readonly SessionSummary[];
}

/** About this many axis labels, whatever the number of bars. */
const TICKS = 6;

// Memoized: the table above which it sits draws again with each step of a scan.
export default memo(function VolumeChart({
  view,
  requests,
  anchorMs,
  counting,
  scanned,
  scan,
  leftOut,
}: VolumeChartProps) {
  const { startMs, endMs, zone } = view.window;
  const bars = useMemo(() => volumeBars({ startMs, endMs, zone }), [startMs, endMs, zone]);
  const { edges, unit } = bars;
  const count = edges.length - 1;
  // The bars' times and the axis are the window's: worded once, not with every count that arrives.
  const times = useMemo(
    () => edges.slice(0, -1).map((from, k) => barTimeText(from, edges[k + 1]!, zone)),
    [edges, zone],
  );
  const ticks = useMemo(() => axisTicks(edges, zone, unit, TICKS), [edges, zone, unit]);

  const query = useQuery({
    ...sessionQueries.volume(requests, { startMs, endMs }, edges, anchorMs),
    enabled: counting && !scanned && count > 0,
    // A new window keeps the old bars (dimmed) until its own counts arrive: the page never blanks.
    placeholderData: keepPreviousData,
  });
  const matches = scan?.matches;
  const fromScan = useMemo(
    () => (scanned && matches ? bucketRows(matches, edges) : undefined),
    [scanned, matches, edges],
  );
  // The bars counted so far while the others are searched (BarProgress), then all of them.
  const counted = query.data && query.data.total.length === count ? query.data : undefined;
  const fromServer = useMemo(() => {
    if (!counted || !leftOut?.length) return counted;
    const copies = bucketRows(leftOut, edges);
    return {
      ...counted,
      total: counted.total.map((n, k) => (n === undefined ? n : n - copies.total[k]!)),
      missed: counted.missed?.map((n, k) => n - copies.missed[k]!),
    };
  }, [counted, leftOut, edges]);
  const counts: { total: readonly (number | undefined)[]; missed?: readonly number[] } | undefined = scanned
    ? fromScan
    : fromServer;
  const stale = !scanned && query.isPlaceholderData;
  const partial = scanned && scan !== undefined && !scan.done;
  const barsCounting =
    !scanned && counted && 'partial' in counted
      ? counted.total.filter((n) => n !== undefined).length
      : undefined;

  const [drag, setDrag] = useState<{ from: number; to: number }>();
  // The bar that is the chart's tab stop; a new window's bars start from the first.
  const [focus, setFocus] = useState({ edges, k: 0 });
  const focused = focus.edges === edges ? focus.k : 0;
  const setFocused = (k: number) => setFocus({ edges, k });
  const barsRef = useRef<HTMLDivElement>(null);
  const update = useUpdateSessionSearch();

  const narrowTo = (a: number, b: number) => {
    const first = Math.min(a, b);
    const last = Math.max(a, b);
    const time = barTimeSearch(edges[first]!, edges[last + 1]!, zone);
    void update(({ range: _r, start: _s, end: _e, at: _a, span: _p, session: _open, ...rest }) => ({
      ...rest,
      ...time,
    }));
  };

  const barAt = (x: number, y: number) => {
    const el = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-bar]');
    return el && barsRef.current?.contains(el) ? Number(el.dataset.bar) : undefined;
  };
  const onPointerDown = (e: PointerEvent) => {
    const k = barAt(e.clientX, e.clientY);
    if (k === undefined || e.button !== 0) return;
    setDrag({ from: k, to: k });
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag) return;
    const k = barAt(e.clientX, e.clientY);
    if (k !== undefined && k !== drag.to) setDrag({ ...drag, to: k });
  };
  const onPointerUp = () => {
    // One bar is the button's own click (also Enter and Space); a run of bars ends here.
    if (drag && drag.from !== drag.to) narrowTo(drag.from, drag.to);
    setDrag(undefined);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const next =
      e.key === 'ArrowRight'
        ? focused + 1
        : e.key === 'ArrowLeft'
          ? focused - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? count - 1
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    const k = Math.max(0, Math.min(count - 1, next));
    setFocused(k);
    barsRef.current?.querySelector<HTMLElement>(`[data-bar="${k}"]`)?.focus();
  };

  if (count === 0) return null;
  const known = counts?.total.filter((n) => n !== undefined) ?? [];
  const most = Math.max(0, ...known);
  const total = known.reduce((a, b) => a + b, 0);
  // While bars are counted, the scale allows for the average of those still to come, so the first
  // bars counted do not fill the chart only to shrink as the rest arrive.
  // (Only while the server counts: a chart drawn from a scan's rows has no bars to come.)
  const toCome =
    barsCounting !== undefined && counted && 'partial' in counted
      ? (counted.sum - total) / Math.max(1, count - known.length)
      : 0;
  // The bars' scale: an empty window draws no bar, not a division by zero.
  const max = Math.max(1, most, toCome);
  const selectedFrom = drag ? Math.min(drag.from, drag.to) : -1;
  const selectedTo = drag ? Math.max(drag.from, drag.to) : -1;

  return (
    <section className="volume-chart" aria-labelledby="volume-chart-title">
      <div className="volume-chart-head">
        <h2 id="volume-chart-title" className="volume-chart-title">
          Sessions {unitText(unit)} <span className="muted">· {zoneLabel(zone)}</span>
        </h2>
        {counts?.missed && (
          <span className="volume-legend">
            <span className="volume-swatch volume-swatch-missed" aria-hidden="true" /> Missed
          </span>
        )}
        <span className="volume-chart-status muted small" role="status">
          {scanned && !scan
            ? 'Drawn as the scan reads the result.'
            : query.isError && !scanned
              ? 'Could not count the sessions per bar.'
              : !counts || stale
                ? 'Counting…'
                : barsCounting !== undefined
                  ? `Counting… ${barsCounting} of ${count} bars`
                  : partial
                    ? `${formatCount(total)} so far`
                    : `Most in one bar: ${formatCount(most)}`}
        </span>
        {query.isError && !scanned && (
          <button type="button" className="btn btn-small" onClick={() => void query.refetch()}>
            Retry
          </button>
        )}
      </div>
      <div
        ref={barsRef}
        className="volume-bars"
        role="group"
        aria-label={`Sessions ${unitText(unit)}: select a bar to show only its sessions`}
        aria-busy={!counts || stale || partial || barsCounting !== undefined}
        data-stale={stale || undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(undefined)}
        onKeyDown={onKeyDown}
      >
        {Array.from({ length: count }, (_, k) => {
          const n = counts?.total[k];
          const missed = counts?.missed?.[k];
          const inDrag = k >= selectedFrom && k <= selectedTo;
          const label = `${times[k]}: ${n === undefined ? 'counting' : barCountText(n, missed)}`;
          return (
            <button
              key={edges[k]}
              type="button"
              data-bar={k}
              className="volume-bar"
              data-selected={inDrag || undefined}
              data-counting={n === undefined || undefined}
              tabIndex={k === Math.min(focused, count - 1) ? 0 : -1}
              aria-label={label}
              // What a bar holds, on hover too: the bars have no labels of their own.
              title={label}
              onFocus={() => setFocused(k)}
              onClick={() => narrowTo(k, k)}
            >
              <span className="volume-bar-fill" style={{ height: `${((n ?? 0) / max) * 100}%` }}>
                {missed !== undefined && missed > 0 && (
                  <span className="volume-bar-missed" style={{ height: `${(missed / (n || 1)) * 100}%` }} />
                )}
              </span>
            </button>
          );
        })}
      </div>
      <div className="volume-axis" aria-hidden="true">
        {ticks.map(({ index, text }) => (
          <span key={index} className="volume-tick" style={{ left: `${(index / count) * 100}%` }}>
            {text}
          </span>
        ))}
      </div>
    </section>
  );
});
