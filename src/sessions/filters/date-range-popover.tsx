// The date control's popover, loaded when it first opens (or when the pointer or focus reaches the
// button): presets, typed days or times, "Around a time…" and the calendar. None of it is needed
// for the first rows, and the calendar (react-day-picker and its date-fns) is the heaviest part of
// the filters. Days and times are the display zone's, and the popover always names that zone.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionsView } from '../view/sessions-view';
import { parseLinkTimeValue, linkTimeEndMs, linkTimeStartMs } from '../view/link-time-value';
import { parsePastedTime } from '../view/paste-time';
import { DEFAULT_TIME_RANGE, TIME_RANGES, type TimeRange, type TimeSearch } from '../view/time-window';
import { TIME_RANGE_LABELS, zoneLabel } from '../view/time-window-label';
import { dayInZone, formatWallTime } from '../view/zoned-time';
import DateRangePicker from './date-range-picker';

const MINUTE_MS = 60_000;
const SPANS = [5, 15, 30, 60, 120];

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

export default function DateRangePopover({
  view,
  onApply,
}: {
  view: SessionsView;
  onApply: (time: TimeSearch) => void;
}) {
  const { window, zoneName } = view;
  const today = dayInZone(view.anchorMs, zoneName);
  const preset: TimeRange | undefined =
    view.search.start || view.search.at ? undefined : (view.search.range ?? DEFAULT_TIME_RANGE);
  // The default range is not written into the URL.
  const applyPreset = (range: TimeRange) => onApply(range === DEFAULT_TIME_RANGE ? {} : { range });
  const applyTimes = (start: string, end: string | undefined) => onApply(end ? { start, end } : { start });
  // What the typed fields start from: the window's days, or its times when it has times of day.
  const byDay = window.kind === 'days';
  const shownEnd = window.live ? '' : byDay ? window.lastDay : formatWallTime(window.endMs, zoneName, false);
  const shownStart = byDay ? window.firstDay : formatWallTime(window.startMs, zoneName, false);

  // Focus moves in when the popover opens: to the preset in force, else the first one.
  const presetsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const presets = presetsRef.current;
    const target =
      presets?.querySelector<HTMLElement>('.range-preset[aria-pressed="true"]') ??
      presets?.querySelector<HTMLElement>('.range-preset');
    target?.focus();
  }, []);

  return (
    <>
      <div ref={presetsRef} className="range-presets" role="group" aria-label="Presets">
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
        <AroundTime view={view} onApply={onApply} />
        <DateRangePicker
          start={window.firstDay}
          end={window.lastDay}
          today={today}
          onPick={(start, end) => applyTimes(start, end)}
        />
        <p className="range-note">
          Days and times in <strong>{zoneLabel(zoneName)}</strong>, the table's zone (change it under
          Display). The API counts whole UTC days; the table shows exactly the sessions in this window.
        </p>
      </div>
    </>
  );
}
