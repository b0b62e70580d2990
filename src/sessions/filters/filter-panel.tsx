// The left column: every filter of the sessions view. The URL is the only state of record;
// this panel reads it with useSessionSearch and writes it with useUpdateSessionSearch. Text
// inputs keep a local draft while typing (see DebouncedTextField for how that reaches history).
import { lazy, Suspense, useEffect, useEffectEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { Chip } from '../../ui/chip-input';
import { plural } from '../../lib/format';
import { clearFilters, countActiveFilters, MAX_TEXT_LENGTH } from './session-search';
import { ARCHIVE_AFTER_DAYS } from '../session-display';
import type { SessionsView } from '../view/sessions-view';
import type { StoreChoice } from '../view/covering-days';
import { useSessionSearch, useUpdateSessionSearch } from './use-session-search';
import { ID_FIELDS, IdFilter } from './id-filter';
import { withValue } from './with-value';
import { registerTypedFilter } from './typed-filters';
import { SavedViewsSection } from '../saved-views/saved-views-section';

// The refinements the API lacks (missed, outcome, …) are not needed for the first rows.
const RefinementFilters = lazy(() =>
  import('./refinement-filters').then((m) => ({ default: m.RefinementFilters })),
);
import './filter-panel.css';

/** A keystroke reaches the URL this long after typing stops. */
const TYPING_DEBOUNCE_MS = 300;
/** After this long without typing, the search counts as settled: the next edit starts a new history entry. */
const SETTLE_MS = 1000;

type TextKey = 'from' | 'to' | 'log';

interface DebouncedTextFieldProps {
  field: TextKey;
  label: string;
  placeholder?: string;
  hint?: string;
}

/**
 * A text filter with a local draft. History: the first write of a burst of typing pushes one
 * entry, and every later write of the same burst replaces it, so the entry before the search
 * stays intact and Back undoes the whole search, not a keystroke. A burst ends ("settles") on
 * Enter, on blur, after SETTLE_MS without typing, or when the URL changes from outside. This
 * needs one navigation per write, where "replace while typing, then push the settled value"
 * would overwrite the previous entry with a half-typed value.
 */
function DebouncedTextField({ field, label, placeholder, hint }: DebouncedTextFieldProps) {
  const id = useId();
  const search = useSessionSearch();
  const update = useUpdateSessionSearch();
  const value = search[field] ?? '';

  const [draft, setDraft] = useState(value);
  // What the URL holds as far as this field knows: its own last write, or the last outside value.
  const [written, setWritten] = useState(value);
  const [burstOpen, setBurstOpen] = useState(false);
  // Follow the URL when it changes from outside (Back, Clear all, a pasted link). Our own writes
  // arrive as `written`, so they leave the draft (and anything typed since) alone.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== written) {
      setWritten(value);
      setBurstOpen(false); // never overwrite an entry someone navigated to
      if (draft.trim() !== value) setDraft(value);
    }
  }

  const commit = (text: string, settle: boolean) => {
    const next = text.trim();
    if (next !== written) {
      setWritten(next);
      update((s) => withValue(s, field, next || undefined), { replace: burstOpen });
    }
    setBurstOpen(!settle && (burstOpen || next !== written));
  };

  // What is typed but not in the URL yet is written at once when the URL is about to be taken away
  // (typed-filters.ts).
  const writeNow = useRef(() => {});
  useLayoutEffect(() => {
    writeNow.current = () => {
      if (draft.trim() !== written) commit(draft, true);
    };
  });
  useEffect(() => registerTypedFilter(() => writeNow.current()), []);

  const writeDraft = useEffectEvent(() => commit(draft, false));
  const settle = useEffectEvent(() => setBurstOpen(false));
  useEffect(() => {
    const writeTimer = setTimeout(writeDraft, TYPING_DEBOUNCE_MS);
    const settleTimer = setTimeout(settle, SETTLE_MS);
    return () => {
      clearTimeout(writeTimer);
      clearTimeout(settleTimer);
    };
  }, [draft]);

  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className="input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_TEXT_LENGTH}
        placeholder={placeholder}
        aria-describedby={hint ? hintId : undefined}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(draft, true);
          }
        }}
        onBlur={() => commit(draft, true)}
      />
      {hint && (
        <p id={hintId} className="filter-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function ArchiveSwitch({ view }: { view: SessionsView }) {
  const update = useUpdateSessionSearch();
  const hintId = useId();
  // Not withValue: `false` (live only) is a value here, not an absence.
  const setStores = (stores: StoreChoice) =>
    update(({ archive: _, ...s }) => (stores === 'both' ? s : { ...s, archive: stores === 'archive' }));
  const options: [StoreChoice, string][] = [
    ['both', 'All'],
    ['live', 'Live'],
    ['archive', 'Archived'],
  ];

  return (
    <div className="filter-group">
      <fieldset className="segmented" aria-describedby={hintId}>
        <legend className="field-label">Sessions</legend>
        <div className="segmented-options">
          {options.map(([stores, label]) => (
            <label key={stores} className="segmented-option">
              <input
                type="radio"
                name="archive"
                checked={view.stores === stores}
                onChange={() => setStores(stores)}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p id={hintId} className="filter-hint">
        Sessions older than about {ARCHIVE_AFTER_DAYS} days are archived. All shows both as one list.
      </p>
    </div>
  );
}

export function FilterPanel({ view }: { view: SessionsView }) {
  const search = useSessionSearch();
  const update = useUpdateSessionSearch();
  const count = countActiveFilters(search);

  return (
    <aside className="filter-panel" aria-label="Filters">
      <div className="filter-panel-head">
        <h2 className="filter-panel-title">Filters</h2>
        {count > 0 && <span className="badge badge-info">{plural(count, 'active', 'active')}</span>}
        <button
          type="button"
          className="btn btn-small btn-ghost"
          disabled={count === 0}
          onClick={() => update(clearFilters)}
        >
          Clear all
        </button>
      </div>

      <SavedViewsSection />
      <ArchiveSwitch view={view} />

      {search.parent && (
        <div className="field filter-parent">
          <span className="field-label">Parent session</span>
          <div>
            <Chip
              title={search.parent}
              removeLabel={`Remove parent filter ${search.parent}`}
              onRemove={() => update((s) => withValue(s, 'parent', undefined))}
            >
              Child sessions of <span className="mono">{search.parent}</span>
            </Chip>
          </div>
        </div>
      )}

      <DebouncedTextField
        field="from"
        label="From"
        placeholder="Number or address"
        hint="Contains. Numbers are searched by their digits: (503) 555-12 finds 50355512"
      />
      <DebouncedTextField
        field="to"
        label="To"
        placeholder="Number or address"
        hint="Contains; numbers as you write them"
      />
      <DebouncedTextField field="log" label="Log" placeholder="Text in the session log" />

      {ID_FIELDS.map((f) => (
        <IdFilter key={f.key} field={f.key} kind={f.kind} label={f.label} placeholder={f.placeholder} />
      ))}

      {/* Last in the panel, so loading it after the first screen moves nothing above it. */}
      <Suspense fallback={null}>
        <RefinementFilters view={view} />
      </Suspense>
    </aside>
  );
}
