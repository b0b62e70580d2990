// A labelled text input that collects values as removable chips, with an optional list of
// suggestions (the ARIA 1.2 combobox pattern: focus stays in the input, aria-activedescendant
// points at the highlighted option). Generic: it knows values and labels, nothing about sessions.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import './chip-input.css';

export interface ChipItem {
  value: string;
  /** What the chip shows; the value itself when nothing better is known. */
  label: string;
}

export interface ChipSuggestion {
  value: string;
  label: string;
  /** A second, quieter line (e.g. the raw id). */
  detail?: string;
}

/** One removable chip. Exported for single-value filters shown the same way. */
export function Chip({
  children,
  title,
  removeLabel,
  onRemove,
}: {
  children: ReactNode;
  title?: string;
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <span className="chip" title={title}>
      <span className="chip-text">{children}</span>
      <button type="button" className="chip-remove" aria-label={removeLabel} onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
    </span>
  );
}

export interface ChipInputProps {
  label: string;
  chips: readonly ChipItem[];
  onAdd: (value: string) => void;
  onRemove: (value: string) => void;
  /** Suggestions for what has been typed so far (already-chosen values should be left out). */
  suggest?: (query: string) => readonly ChipSuggestion[];
  placeholder?: string;
  maxLength?: number;
  /** Shown under the input, tied to it by aria-describedby. */
  hint?: string;
}

export function ChipInput({
  label,
  chips,
  onAdd,
  onRemove,
  suggest,
  placeholder,
  maxLength,
  hint,
}: ChipInputProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const query = text.trim();
  const suggestions = open && query && suggest ? suggest(query) : [];
  const showList = suggestions.length > 0;
  const activeIndex = active < suggestions.length ? active : -1;

  const add = (value: string) => {
    const v = value.trim();
    if (v) onAdd(v);
    setText('');
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!suggestions.length) return;
        e.preventDefault();
        setOpen(true);
        const step = e.key === 'ArrowDown' ? 1 : -1;
        // -1 (nothing highlighted) is part of the cycle, so the raw text stays reachable.
        const n = suggestions.length + 1;
        setActive(((activeIndex + 1 + step + n) % n) - 1);
        return;
      }
      case 'Enter': {
        const picked = suggestions[activeIndex];
        if (!picked && !query) return;
        e.preventDefault();
        add(picked ? picked.value : query);
        return;
      }
      case 'Escape':
        if (showList) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        return;
      case 'Backspace': {
        const last = chips.at(-1);
        if (text === '' && last) {
          e.preventDefault();
          onRemove(last.value);
        }
        return;
      }
    }
  };

  return (
    <div className="field chip-field">
      <label htmlFor={inputId}>{label}</label>
      {chips.length > 0 && (
        <ul className="chip-list" aria-label={`${label} chosen`}>
          {chips.map((chip) => (
            <li key={chip.value}>
              <Chip
                title={chip.label === chip.value ? chip.value : `${chip.label} (${chip.value})`}
                removeLabel={`Remove ${chip.label}`}
                onRemove={() => onRemove(chip.value)}
              >
                {chip.label}
              </Chip>
            </li>
          ))}
        </ul>
      )}
      <div className="chip-combo">
        <input
          id={inputId}
          className="input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
          aria-describedby={hint ? hintId : undefined}
          placeholder={placeholder}
          maxLength={maxLength}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        {/* Always rendered so aria-controls points at something; empty and hidden when closed. */}
        <ul
          id={listId}
          role="listbox"
          aria-label={`${label} suggestions`}
          className="chip-suggestions"
          hidden={!showList}
        >
          {suggestions.map((s, i) => (
            <li
              key={s.value}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              className="chip-suggestion"
              // mousedown, not click: picking must not blur the input first.
              onMouseDown={(e) => {
                e.preventDefault();
                add(s.value);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span className="chip-suggestion-label">{s.label}</span>
              {s.detail && <span className="chip-suggestion-detail">{s.detail}</span>}
            </li>
          ))}
        </ul>
      </div>
      {/* Screen readers hear how many suggestions there are; sighted users see the list. */}
      <span className="visually-hidden" aria-live="polite">
        {showList
          ? `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}, arrow keys to choose`
          : ''}
      </span>
      {hint && (
        <p id={hintId} className="chip-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
