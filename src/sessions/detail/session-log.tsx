import {
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { findRanges, textMatcher, type TextRange } from '../../ui/highlight-text';
import { plural } from '../../lib/format';
import type { SessionLogEntry } from '../api/session';
import { logOrigin } from './session-format';
import { LogLineContent, NO_RANGES, zoneNote, type LogProps } from './session-log-line';
import { useLogKeepsItsPlace } from './use-log-keeps-its-place';

/** Estimated height of a one-line entry; real heights are measured as rows render. */
const ESTIMATED_ROW = 24;

interface Hits {
  /** Ranges per line (undefined: no hit in that line). */
  perLine: (TextRange[] | undefined)[];
  /** For each hit in order: its line. */
  lineOf: number[];
  /** For each line with hits: the index of its first hit. */
  firstOfLine: Map<number, number>;
}

const NO_HITS: Hits = { perLine: [], lineOf: [], firstOfLine: new Map() };

function findHits(log: SessionLogEntry[], query: string): Hits {
  const matcher = textMatcher(query);
  if (!matcher) return NO_HITS;
  const perLine: (TextRange[] | undefined)[] = new Array(log.length);
  const lineOf: number[] = [];
  const firstOfLine = new Map<number, number>();
  log.forEach((entry, line) => {
    const ranges = findRanges(entry.message, matcher);
    if (ranges.length === 0) return;
    perLine[line] = ranges;
    firstOfLine.set(line, lineOf.length);
    for (let i = 0; i < ranges.length; i++) lineOf.push(line);
  });
  return { perLine, lineOf, firstOfLine };
}

/** Log lines a story part stands on, shown on request (`n` counts requests, so a second click scrolls again). */
export interface ShownLines {
  lines: number[];
  label: string;
  n: number;
}

export interface VirtualLogProps extends LogProps {
  /** The element that scrolls (the drawer's body); the log is one part of its content. */
  scrollRef: RefObject<HTMLElement | null>;
  /** Prefills find-in-log, e.g. with the `log` filter the session was found by. */
  initialQuery?: string;
  /** Lines to mark and bring into view. */
  shown?: ShownLines;
  onClearShown?: () => void;
}

/**
 * The log in the drawer: a virtualized timeline (only rows near the viewport are in the DOM, each
 * measured, so a 5,000-line log opens at once) with find-in-log.
 */
export function VirtualLog({
  session,
  zone,
  scrollRef,
  initialQuery = '',
  shown,
  onClearShown,
}: VirtualLogProps) {
  const { log } = session;
  const origin = logOrigin(session);
  const inputId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const findRef = useRef<HTMLDivElement>(null);

  const [query, setQuery] = useState(initialQuery);
  // Typing stays responsive on long logs: matching runs on the deferred value.
  const deferredQuery = useDeferredValue(query);
  const hits = useMemo(() => findHits(log, deferredQuery), [log, deferredQuery]);
  const total = hits.lineOf.length;
  // The current hit belongs to a query; a new query starts at its first hit.
  const [cursor, setCursor] = useState({ query: deferredQuery, index: 0 });
  const current = cursor.query === deferredQuery ? Math.min(cursor.index, Math.max(total - 1, 0)) : 0;
  const currentLine = total > 0 ? hits.lineOf[current] : undefined;
  // Only what the user does scrolls the log; a prefilled query waits for Enter.
  const [following, setFollowing] = useState(false);

  const hasLog = log.length > 0;
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = scrollRef.current;
    if (!list || !scroller) return;
    // Where the list starts inside the scrolling content; it moves when content above it resizes
    // (a live session's story gains a sentence). A reader inside the log keeps their place: the
    // scroll moves with the list (the browser's own scroll anchoring does not follow the
    // virtualizer's positioned rows, so the drawer turns it off).
    let last: number | undefined;
    const measure = () => {
      const top =
        list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      if (last !== undefined && Math.abs(top - last) >= 1 && scroller.scrollTop > last)
        scroller.scrollTop += top - last;
      last = top;
      setScrollMargin((m) => (Math.abs(m - top) < 1 ? m : Math.round(top)));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(scroller.firstElementChild ?? scroller);
    return () => observer.disconnect();
  }, [scrollRef, hasLog]);

  // The app does not use the React Compiler; the virtualizer's unmemoizable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: log.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 12,
    scrollMargin,
    // Keep the current hit clear of the sticky find bar.
    scrollPaddingStart: (findRef.current?.offsetHeight ?? 44) + 8,
    scrollPaddingEnd: 8,
    // Where nothing is laid out (tests), fall back to the estimate instead of a zero height.
    measureElement: (el, entry, instance) => measureElement(el, entry, instance) || ESTIMATED_ROW,
  });

  useEffect(() => {
    if (!following || currentLine === undefined) return;
    // Like a browser's find: leave the view alone when the hit is in sight, else bring it to the middle.
    const item = virtualizer.getVirtualItems().find((i) => i.index === currentLine);
    const top = (virtualizer.scrollOffset ?? 0) + virtualizer.options.scrollPaddingStart;
    const bottom = (virtualizer.scrollOffset ?? 0) + (virtualizer.scrollRect?.height ?? 0);
    const inSight = item !== undefined && item.start >= top && item.end <= bottom;
    if (!inSight) virtualizer.scrollToIndex(currentLine, { align: 'center' });
  }, [following, currentLine, current, virtualizer]);

  const move = (step: number) => {
    if (total === 0) return;
    setFollowing(true);
    setCursor({ query: deferredQuery, index: (current + step + total) % total });
  };

  const shownLines = useMemo(() => new Set(shown?.lines ?? []), [shown]);
  useEffect(() => {
    const first = shown?.lines[0];
    if (first !== undefined) virtualizer.scrollToIndex(first, { align: 'center' });
  }, [shown, virtualizer]);

  const { newLines, showNewLines } = useLogKeepsItsPlace(scrollRef, log.length, (index) =>
    virtualizer.scrollToIndex(index, { align: 'start' }),
  );

  const status = !deferredQuery.trim() ? '' : total === 0 ? 'No matches' : `${current + 1} of ${total}`;
  const items = virtualizer.getVirtualItems();

  if (log.length === 0) return <p className="muted">No log entries.</p>;

  return (
    <div className="session-log-view">
      <div className="log-find" ref={findRef} role="search" aria-label="Find in log">
        <label htmlFor={inputId}>Find in log</label>
        <input
          id={inputId}
          className="input"
          type="text"
          value={query}
          autoComplete="off"
          spellCheck={false}
          placeholder="Text in the log"
          aria-describedby={`${inputId}-status`}
          onChange={(e) => {
            setQuery(e.target.value);
            setFollowing(true);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            move(e.shiftKey ? -1 : 1);
          }}
        />
        <span id={`${inputId}-status`} className="log-find-status" role="status">
          {status}
        </span>
        <button
          type="button"
          className="btn btn-small"
          aria-label="Previous match"
          title="Previous match (Shift+Enter)"
          disabled={total === 0}
          onClick={() => move(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-label="Next match"
          title="Next match (Enter)"
          disabled={total === 0}
          onClick={() => move(1)}
        >
          ↓
        </button>
        {initialQuery && query === initialQuery && <span className="log-find-note">From the Log filter</span>}
        {newLines > 0 && (
          <button type="button" className="btn btn-small btn-primary log-new-lines" onClick={showNewLines}>
            {plural(newLines, 'new line')} ↓
          </button>
        )}
      </div>
      {shown && (
        <p className="log-shown" role="status">
          Marked {plural(shown.lines.length, 'line')} for “<bdi>{shown.label}</bdi>”.{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={onClearShown}>
            Clear
          </button>
        </p>
      )}
      <p className="log-note">
        {plural(log.length, 'entry', 'entries')} · {zoneNote(zone)} · offsets from the start
      </p>
      <ol
        ref={listRef}
        className="session-log session-log-virtual"
        aria-label="Log entries"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const entry = log[item.index];
          if (!entry) return null;
          const ranges = hits.perLine[item.index] ?? NO_RANGES;
          const first = hits.firstOfLine.get(item.index);
          const here = first !== undefined && currentLine === item.index ? current - first : -1;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={`log-line${here >= 0 ? ' log-line-current' : ''}${shownLines.has(item.index) ? ' log-line-linked' : ''}`}
              aria-setsize={log.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
            >
              <LogLineContent entry={entry} origin={origin} zone={zone} ranges={ranges} current={here} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
