// The filter panel's refinements: Missed, Outcome, Channel, Direction and Duration. The API cannot
// apply them; the table scans the result for them (scan/). Each control writes the link at once
// (a settled change: one history entry), except the durations, written when typing settles.
import { useCallback, useId, useState, useSyncExternalStore } from 'react';
import { useRouteContext } from '@tanstack/react-router';
import { sessionQueries } from '../api/session-queries';
import {
  DIRECTIONS,
  KNOWN_CHANNELS,
  MAX_DURATION_SECONDS,
  pickRefinements,
  type Refinements,
} from '../refinements';
import type { SessionsView } from '../view/sessions-view';
import type { ScanState } from '../scan/scan-protocol';
import type { SessionSearch } from './session-search';
import { useSessionSearch, useUpdateSessionSearch } from './use-session-search';

type Edit = (search: SessionSearch) => SessionSearch;

function without<K extends keyof Refinements>(
  search: SessionSearch,
  key: K,
  value: Refinements[K],
): SessionSearch {
  const next = { ...search };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}

function Choice({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: [label: string, value: string][];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <fieldset className="segmented filter-group">
      <legend className="field-label">{legend}</legend>
      <div className="segmented-options">
        {options.map(([label, v]) => (
          <label key={v} className="segmented-option">
            <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Checks({
  legend,
  values,
  selected,
  empty,
  onChange,
}: {
  legend: string;
  values: string[];
  selected: string[];
  empty?: string;
  onChange: (selected: string[]) => void;
}) {
  const isOn = (v: string) => selected.some((s) => s.toLowerCase() === v.toLowerCase());
  return (
    <fieldset className="filter-group refinement-checks">
      <legend className="field-label">{legend}</legend>
      {values.length === 0 && empty && <p className="filter-hint">{empty}</p>}
      {values.map((v) => (
        <label key={v} className="check">
          <input
            type="checkbox"
            checked={isOn(v)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? [...selected, v]
                  : selected.filter((s) => s.toLowerCase() !== v.toLowerCase()),
              )
            }
          />
          {v}
        </label>
      ))}
    </fieldset>
  );
}

function SecondsField({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number | undefined;
  onCommit: (value: number | undefined) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value === undefined ? '' : String(value));
  }
  const commit = () => {
    const text = draft.trim();
    const n = text === '' ? undefined : Math.floor(Number(text));
    if (n !== undefined && !(Number.isFinite(n) && n >= 0 && n <= MAX_DURATION_SECONDS)) return;
    if (n !== value) onCommit(n);
  };
  return (
    <label className="duration-field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        className="input"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_DURATION_SECONDS}
        step={1}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}

/** Outcome strings to offer: those the view's scans have seen (unknown ones included), and the chosen ones. */
function useOutcomesSeen(view: SessionsView, chosen: string[]): string[] {
  // The app's QueryClient, from the router's context: with useQueryClient alone in this lazy chunk
  // the bundler split React Query's context into a chunk of its own, 700 bytes more on the first screen.
  const cache = useRouteContext({ from: '__root__' }).queryClient.getQueryCache();
  // The table's scans of this view (whatever slices they read), found without starting one.
  const prefix = sessionQueries.scans(
    view.segments.map((s) => s.request),
    pickRefinements(view.search),
    view.window,
    view.anchorMs,
  );
  const subscribe = useCallback(
    (onChange: () => void) => cache.subscribe((e) => sessionQueries.isScan(e.query) && onChange()),
    [cache],
  );
  const seenText = useSyncExternalStore(subscribe, () => {
    const seen = new Set<string>();
    for (const q of cache.findAll({ queryKey: prefix }))
      for (const outcome of Object.keys((q.state.data as ScanState | undefined)?.counts.outcome ?? {}))
        seen.add(outcome);
    return [...seen].sort().join('\n');
  });
  const seen = seenText ? seenText.split('\n') : [];
  const extra = chosen.filter((c) => !seen.some((s) => s.toLowerCase() === c.toLowerCase()));
  return [...seen, ...extra];
}

export function RefinementFilters({ view }: { view: SessionsView }) {
  const search = useSessionSearch();
  const update = useUpdateSessionSearch();
  const apply = (edit: Edit) => void update((s) => edit(s));
  const outcomes = useOutcomesSeen(view, search.outcome ?? []);
  const channels = [
    ...KNOWN_CHANNELS,
    ...(search.channel ?? []).filter((c) => !(KNOWN_CHANNELS as readonly string[]).includes(c)),
  ];
  const hintId = useId();

  return (
    <section className="refinement-filters" aria-describedby={hintId}>
      <p id={hintId} className="filter-hint">
        The server cannot filter these: the app scans the result for them.
      </p>
      <Choice
        legend="Missed"
        name="missed"
        options={[
          ['Any', ''],
          ['Missed', '1'],
          ['Not missed', '0'],
        ]}
        value={search.missed === undefined ? '' : search.missed ? '1' : '0'}
        onChange={(v) => apply((s) => without(s, 'missed', v === '' ? undefined : v === '1'))}
      />
      <Checks
        legend="Outcome"
        values={outcomes}
        selected={search.outcome ?? []}
        empty="The outcomes of the result are listed once it is counted (above the table)."
        onChange={(v) => apply((s) => without(s, 'outcome', v))}
      />
      <Checks
        legend="Channel"
        values={channels}
        selected={search.channel ?? []}
        onChange={(v) => apply((s) => without(s, 'channel', v))}
      />
      <Choice
        legend="Direction"
        name="direction"
        options={[['Any', ''], ...DIRECTIONS.map((d): [string, string] => [d, d])]}
        value={search.direction ?? ''}
        onChange={(v) => apply((s) => without(s, 'direction', v || undefined))}
      />
      <fieldset className="filter-group duration-fields">
        <legend className="field-label">Duration (seconds)</legend>
        <SecondsField
          label="At least"
          value={search.minDuration}
          onCommit={(n) => apply((s) => without(s, 'minDuration', n))}
        />
        <SecondsField
          label="At most"
          value={search.maxDuration}
          onCommit={(n) => apply((s) => without(s, 'maxDuration', n))}
        />
      </fieldset>
    </section>
  );
}
