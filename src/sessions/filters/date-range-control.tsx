// The toolbar's date-range button and its popover: presets, typed days and a calendar. Presets
// stay relative in the URL (`range=`); typed or picked days become `start`/`end`. Days are the
// API's: inclusive UTC calendar days, and the control says so.
import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isUtcDay, utcDayToMs } from '../../lib/utc-days';
import {
  DEFAULT_RANGE,
  RANGE_LABELS,
  RANGE_PRESETS,
  type RangePreset,
  type SessionSearch,
} from './session-search';
import type { SessionsView } from '../view/sessions-view';
import { useSessionSearch, useUpdateSessionSearch } from './use-session-search';
import './date-range-control.css';

// react-day-picker (and its date-fns) load only when the popover first opens, or when the pointer
// or focus reaches the button, so the first screen does not carry them.
const loadPicker = () => import('./date-range-picker');
const DateRangePicker = lazy(loadPicker);

const monthDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
const fullDay = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});

/** "Nov 21 – Nov 27, 2026", "Dec 28, 2025 – Jan 3, 2026", "Nov 27, 2026" (UTC days). */
export function formatDayRange(start: string, end: string): string {
  const a = utcDayToMs(start);
  const b = utcDayToMs(end);
  if (start === end) return fullDay.format(a);
  if (start.slice(0, 4) === end.slice(0, 4)) return `${monthDay.format(a)} – ${fullDay.format(b)}`;
  return `${fullDay.format(a)} – ${fullDay.format(b)}`;
}

function withPreset(search: SessionSearch, preset: RangePreset): SessionSearch {
  const { range: _range, start: _start, end: _end, ...rest } = search;
  // The default range is not written into the URL.
  return preset === DEFAULT_RANGE ? rest : { ...rest, range: preset };
}

function withDays(search: SessionSearch, start: string, end: string | undefined): SessionSearch {
  const { range: _range, start: _start, end: _end, ...rest } = search;
  return end ? { ...rest, start, end } : { ...rest, start };
}

interface TypedRangeProps {
  initialStart: string;
  initialEnd: string;
  today: string;
  onApply: (start: string, end: string | undefined) => void;
}

/** Start and End typed as YYYY-MM-DD; applied on Enter or Apply, once both are valid. */
function TypedRange({ initialStart, initialEnd, today, onApply }: TypedRangeProps) {
  const id = useId();
  const [start, setStart] = useState(initialStart);
  const [end, setEnd] = useState(initialEnd);
  const [error, setError] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = start.trim();
    const t = end.trim();
    if (!isUtcDay(s)) return setError(`Start "${s}" is not a date: write it as YYYY-MM-DD, e.g. ${today}.`);
    if (t && !isUtcDay(t))
      return setError(`End "${t}" is not a date: write it as YYYY-MM-DD, e.g. ${today}.`);
    if (t && t < s) return setError('The start date is after the end date.');
    setError(undefined);
    onApply(s, t || undefined);
  };

  const errorId = `${id}-error`;
  const invalid = error !== undefined;
  return (
    <form className="range-typed" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-start`}>Start (YYYY-MM-DD)</label>
        <input
          id={`${id}-start`}
          className="input mono-input"
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          placeholder="YYYY-MM-DD"
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          value={start}
          onChange={(e) => setStart(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-end`}>End (YYYY-MM-DD)</label>
        <input
          id={`${id}-end`}
          className="input mono-input"
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          placeholder="through today"
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          value={end}
          onChange={(e) => setEnd(e.target.value)}
        />
      </div>
      <button type="submit" className="btn btn-primary">
        Apply
      </button>
      <p id={errorId} className="range-error" role="alert">
        {error}
      </p>
    </form>
  );
}

export function DateRangeControl({ view }: { view: SessionsView }) {
  const id = useId();
  const search = useSessionSearch();
  const update = useUpdateSessionSearch();
  const { range, today } = view;
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

  const applyPreset = (preset: RangePreset) => {
    update((s) => withPreset(s, preset));
    close(true);
  };
  const applyDays = (start: string, end: string | undefined) => {
    update((s) => withDays(s, start, end));
    close(true);
  };

  const popoverId = `${id}-popover`;
  const days = formatDayRange(range.startDate, range.endDate);
  const presetLabel = range.preset ? RANGE_LABELS[range.preset] : undefined;
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
        <span className="visually-hidden">Date range: </span>
        {presetLabel && (
          <>
            <span className="range-preset-name">{presetLabel}</span>
            <span aria-hidden="true"> · </span>
          </>
        )}
        <span>{days}</span>
        <span aria-hidden="true"> · </span>
        <span className="range-utc">UTC days</span>
      </button>

      {open && (
        <div
          ref={popoverRef}
          id={popoverId}
          role="dialog"
          aria-modal="false"
          aria-label="Date range"
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
            {RANGE_PRESETS.map((preset) => (
              <button
                key={preset}
                type="button"
                className="range-preset"
                aria-pressed={range.preset === preset}
                onClick={() => applyPreset(preset)}
              >
                {RANGE_LABELS[preset]}
              </button>
            ))}
          </div>
          <div className="range-custom">
            <TypedRange
              initialStart={range.startDate}
              initialEnd={search.start && !search.end ? '' : range.endDate}
              today={today}
              onApply={applyDays}
            />
            <Suspense fallback={<div className="range-calendar-loading">Loading calendar…</div>}>
              <DateRangePicker
                start={range.startDate}
                end={range.endDate}
                today={today}
                onPick={(start, end) => applyDays(start, end)}
              />
            </Suspense>
            <p className="range-note">
              Inclusive <strong>UTC days</strong>, the days the Evo Voice API counts in. Times in the table
              follow the display zone.
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
