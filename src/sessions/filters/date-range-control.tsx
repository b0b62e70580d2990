// The toolbar's date button and its popover: presets, typed days or times, "Around a time…" and a
// calendar. Presets stay relative in the URL (`range=`); typed or picked days and times become
// `start`/`end`, a pasted moment `at`. Days and times are the display zone's, and the control
// always names that zone; the table shows exactly the sessions inside the window.
import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionSearch } from './session-search';
import type { SessionsView } from '../view/sessions-view';
import { linkTimeEndMs, linkTimeStartMs, parseLinkTimeValue } from '../view/link-time-value';
import { parsePastedTime } from '../view/paste-time';
import { DEFAULT_TIME_RANGE, TIME_RANGES, type TimeRange, type TimeSearch } from '../view/time-window';
import { describeTimeWindow, TIME_RANGE_LABELS, zoneLabel } from '../view/time-window-label';
import { dayInZone, formatWallTime } from '../view/zoned-time';
import { useUpdateSessionSearch } from './use-session-search';
import './date-range-control.css';

// react-day-picker (and its date-fns) load only when the popover first opens, or when the pointer
// or focus reaches the button, so the first screen does not carry them.
const loadPicker = () => import('./date-range-picker');
const DateRangePicker = lazy(loadPicker);

const MINUTE_MS = 60_000;
const SPANS = [5, 15, 30, 60, 120];

function withTime(search: SessionSearch, time: TimeSearch): SessionSearch {
  const { range: _r, start: _s, end: _e, at: _a, span: _p, ...rest } = search;
  return { ...rest, ...time };
}

/** What a typed Start or End says, in the link's spelling (`2026-12-05`, `2026-12-05T14:15`). */
function typedValue(text: string): string | undefined {
  const value = text.trim().replace(/^(\d{4}-\d{2}-\d{2})\s+(?=\d)/, '$1T');
  return parseLinkTimeValue(value) ? value : undefined;
}

interface TypedRangeProps {
  initialStart: string;
  initialEnd: string;
  zone: string;
  onApply: (start: string, end: string | undefined) => void;
}

/** Start and End typed as a day or a day and time; applied on Enter or Apply, once both are valid. */
function TypedRange({ initialStart, initialEnd, zone, onApply }: TypedRangeProps) {
  const id = useId();
  const [start, setStart] = useState(initialStart);
  const [end, setEnd] = useState(initialEnd);
  const [error, setError] = useState<string>();
  const example = '2026-12-05 or 2026-12-05 14:15';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = typedValue(start);
    const t = end.trim() ? typedValue(end) : undefined;
    if (!s) return setError(`Start "${start.trim()}" is not a day or time: write ${example}.`);
    if (end.trim() && !t) return setError(`End "${end.trim()}" is not a day or time: write ${example}.`);
    if (t && linkTimeEndMs(parseLinkTimeValue(t)!, zone) <= linkTimeStartMs(parseLinkTimeValue(s)!, zone))
      return setError('The end is not after the start.');
    setError(undefined);
    onApply(s, t);
  };

  const errorId = `${id}-error`;
  const invalid = error !== undefined;
  const field = (which: 'start' | 'end', value: string, set: (v: string) => void, placeholder: string) => (
    <div className="field">
      <label htmlFor={`${id}-${which}`}>{which === 'start' ? 'Start' : 'End'}</label>
      <input
        id={`${id}-${which}`}
        className="input mono-input"
        autoComplete="off"
        maxLength={25}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint${invalid ? ` ${errorId}` : ''}`}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );
  return (
    <form className="range-typed" onSubmit={submit} noValidate>
      {field('start', start, setStart, 'YYYY-MM-DD HH:mm')}
      {field('end', end, setEnd, 'through now')}
      <button type="submit" className="btn btn-primary">
        Apply
      </button>
      <p id={`${id}-hint`} className="range-hint">
        A day, or a day and time, in {zoneLabel(zone)}. A day includes all of it; a time range ends just
        before its end.
      </p>
      <p id={errorId} className="range-error" role="alert">
        {error}
      </p>
    </form>
  );
}

/** "Around a time…": a pasted timestamp in any common form, and minutes either side of it. */
function AroundTime({ view, onApply }: { view: SessionsView; onApply: (time: TimeSearch) => void }) {
  const id = useId();
  const [text, setText] = useState(() =>
    view.window.atMs !== undefined
      ? formatWallTime(view.window.atMs, view.zoneName, false).replace('T', ' ')
      : '',
  );
  const [span, setSpan] = useState(view.window.spanMinutes ?? 15);
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parsePastedTime(text, view.zoneName, view.anchorMs);
    if (!parsed.ok) return setError(parsed.reason);
    setError(undefined);
    const minute = parsed.ms - (((parsed.ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
    // A time pasted with its zone stays that instant for anyone the link is sent to.
    onApply({ at: formatWallTime(minute, view.zoneName, parsed.hadZone), span });
  };
  const errorId = `${id}-error`;
  return (
    <form className="range-around" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-at`}>Around a time…</label>
        <input
          id={`${id}-at`}
          className="input mono-input"
          autoComplete="off"
          maxLength={80}
          placeholder="Dec 5, 2:15 PM"
          aria-invalid={error !== undefined}
          aria-describedby={`${id}-hint${error ? ` ${errorId}` : ''}`}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-span`}>Either side</label>
        <select
          id={`${id}-span`}
          className="input"
          value={span}
          onChange={(e) => setSpan(Number(e.target.value))}
        >
          {[...new Set([...SPANS, span])]
            .sort((a, b) => a - b)
            .map((m) => (
              <option key={m} value={m}>
                ± {m} min
              </option>
            ))}
        </select>
      </div>
      <button type="submit" className="btn">
        Go
      </button>
      <p id={`${id}-hint`} className="range-hint">
        Paste a timestamp from a ticket or a log: ISO, “Dec 5, 2:15 PM”, epoch seconds or ms, /Date(…)/.
        Without a zone it is read in {zoneLabel(view.zoneName)}.
      </p>
      <p id={errorId} className="range-error" role="alert">
        {error}
      </p>
    </form>
  );
}

export function DateRangeControl({ view }: { view: SessionsView }) {
  const id = useId();
  const update = useUpdateSessionSearch();
  const { window, zoneName } = view;
  const today = dayInZone(view.anchorMs, zoneName);
  const preset: TimeRange | undefined =
    view.search.start || view.search.at ? undefined : (view.search.range ?? DEFAULT_TIME_RANGE);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  // Focus moves in when the popover opens: to the preset in force, else the first one.
  useEffect(() => {
    if (!open) return;
    const popover = popoverRef.current;
    const target =
      popover?.querySelector<HTMLElement>('.range-preset[aria-pressed="true"]') ??
      popover?.querySelector<HTMLElement>('.range-preset');
    target?.focus();
  }, [open]);

  // A click anywhere else closes it (focus stays where the user clicked).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (popoverRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const apply = (time: TimeSearch) => {
    update((s) => withTime(s, time));
    close(true);
  };
  // The default range is not written into the URL.
  const applyPreset = (range: TimeRange) => apply(range === DEFAULT_TIME_RANGE ? {} : { range });
  const applyTimes = (start: string, end: string | undefined) => apply(end ? { start, end } : { start });

  const popoverId = `${id}-popover`;
  // What the typed fields start from: the window's days, or its times when it has times of day.
  const byDay = window.kind === 'days';
  const shownEnd = window.live ? '' : byDay ? window.lastDay : formatWallTime(window.endMs, zoneName, false);
  const shownStart = byDay ? window.firstDay : formatWallTime(window.startMs, zoneName, false);
  return (
    <div className="date-range">
      <button
        ref={buttonRef}
        type="button"
        className="btn range-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => (open ? close(true) : setOpen(true))}
        onPointerEnter={() => void loadPicker()}
        onFocus={() => void loadPicker()}
      >
        <svg className="range-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
        </svg>
        <span className="visually-hidden">Time window: </span>
        <span>{describeTimeWindow(window)}</span>
        <span aria-hidden="true"> · </span>
        <span className="range-zone">{zoneLabel(zoneName)}</span>
      </button>

      {open && (
        <div
          ref={popoverRef}
          id={popoverId}
          role="dialog"
          aria-modal="false"
          aria-label="Time window"
          className="range-popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close(true);
            }
          }}
          onBlur={(e) => {
            // Tabbing out of the popover closes it, as clicking outside does.
            const next = e.relatedTarget as Node | null;
            if (next && !popoverRef.current?.contains(next) && !buttonRef.current?.contains(next))
              setOpen(false);
          }}
        >
          <div className="range-presets" role="group" aria-label="Presets">
            {TIME_RANGES.map((range) => (
              <button
                key={range}
                type="button"
                className="range-preset"
                aria-pressed={preset === range}
                onClick={() => applyPreset(range)}
              >
                {TIME_RANGE_LABELS[range]}
              </button>
            ))}
          </div>
          <div className="range-custom">
            <TypedRange
              initialStart={shownStart.replace('T', ' ')}
              initialEnd={shownEnd.replace('T', ' ')}
              zone={zoneName}
              onApply={applyTimes}
            />
            <AroundTime view={view} onApply={apply} />
            <Suspense fallback={<div className="range-calendar-loading">Loading calendar…</div>}>
              <DateRangePicker
                start={window.firstDay}
                end={window.lastDay}
                today={today}
                onPick={(start, end) => applyTimes(start, end)}
              />
            </Suspense>
            <p className="range-note">
              Days and times in <strong>{zoneLabel(zoneName)}</strong>, the table's zone (change it under
              Display). The API counts whole UTC days; the table shows exactly the sessions in this window.
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
