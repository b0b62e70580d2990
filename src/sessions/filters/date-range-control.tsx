// The toolbar's date button and its popover: presets, typed days or times, "Around a time…" and a
// calendar. Presets stay relative in the URL (`range=`); typed or picked days and times become
// `start`/`end`, a pasted moment `at`. Days and times are the display zone's, and the control
// always names that zone; the table shows exactly the sessions inside the window.
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { SessionSearch } from './session-search';
import type { SessionsView } from '../view/sessions-view';
import type { TimeSearch } from '../view/time-window';
import { describeTimeWindow, zoneLabel } from '../view/time-window-label';
import { useUpdateSessionSearch } from './use-session-search';
import './date-range-control.css';

// The popover (its forms, the timestamp reader and the calendar) loads when it first opens, or
// when the pointer or focus reaches the button, so the first screen does not carry it.
const loadPopover = () => import('./date-range-popover');
const DateRangePopover = lazy(loadPopover);

function withTime(search: SessionSearch, time: TimeSearch): SessionSearch {
  const { range: _r, start: _s, end: _e, at: _a, span: _p, ...rest } = search;
  return { ...rest, ...time };
}

export function DateRangeControl({ view }: { view: SessionsView }) {
  const id = useId();
  const update = useUpdateSessionSearch();
  const { window, zoneName } = view;
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

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

  const popoverId = `${id}-popover`;
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
        onPointerEnter={() => void loadPopover()}
        onFocus={() => void loadPopover()}
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
          <Suspense fallback={<div className="range-calendar-loading">Loading…</div>}>
            <DateRangePopover view={view} onApply={apply} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
