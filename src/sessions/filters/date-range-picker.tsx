// The calendar part of the date-range control, loaded lazily (react-day-picker + date-fns are the
// heaviest part of the filters). react-day-picker works with local Date objects; our days are
// calendar days of the display zone, which need not be the browser's. We convert through the y/m/d parts only: a local Date built from 2026-11-27 shows
// as the 27th in every zone, and reading its parts back gives 2026-11-27 again. (toISOString of a
// local midnight would shift the day west or east of UTC.)
import { useState } from 'react';
import { DayPicker } from 'react-day-picker';
import 'react-day-picker/style.css';
import './date-range-picker.css';

/** `YYYY-MM-DD` -> a local Date on that calendar day. */
export function dayToLocalDate(day: string): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** A local Date -> its calendar day, `YYYY-MM-DD`. */
export function localDateToDay(date: Date): string {
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${m}-${d}`;
}

const longDay = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric' });

export interface DateRangePickerProps {
  /** The range in force, inclusive days of the display zone. */
  start: string;
  end: string;
  /** Today in the display zone: later days cannot be picked. */
  today: string;
  /** Called once both ends are picked (start <= end). */
  onPick: (start: string, end: string) => void;
}

/**
 * Two clicks (or Enter twice) make a range: the first picks one end, the second the other, in
 * either order. Only the finished range reaches the URL, so a half-picked range never runs a
 * search or leaves a history entry.
 */
export default function DateRangePicker({ start, end, today, onPick }: DateRangePickerProps) {
  const [anchor, setAnchor] = useState<string>();
  // Two months side by side where they fit; one on a narrow window (read once, on opening).
  const [months] = useState(() => (window.matchMedia?.('(max-width: 900px)').matches ? 1 : 2));
  const todayDate = dayToLocalDate(today);
  const endDate = dayToLocalDate(end);
  const selected = anchor
    ? { from: dayToLocalDate(anchor), to: undefined }
    : { from: dayToLocalDate(start), to: endDate };

  return (
    <DayPicker
      className="range-calendar"
      mode="range"
      selected={selected}
      onSelect={(_range, picked) => {
        const day = localDateToDay(picked);
        if (!anchor) return setAnchor(day);
        setAnchor(undefined);
        onPick(day < anchor ? day : anchor, day < anchor ? anchor : day);
      }}
      numberOfMonths={months}
      defaultMonth={new Date(endDate.getFullYear(), endDate.getMonth() - (months - 1), 1)}
      endMonth={todayDate}
      today={todayDate}
      disabled={{ after: todayDate }}
      showOutsideDays={false}
      footer={
        <p className="range-calendar-status">
          {anchor
            ? `From ${longDay.format(dayToLocalDate(anchor))}: now pick the other end.`
            : 'Pick the first and the last day.'}
        </p>
      }
    />
  );
}
