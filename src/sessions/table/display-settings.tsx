import { useEffect, useId, useRef, useState } from 'react';
import { useColumnVisibility, useDensity, useDisplayZone } from '../preferences';
import { COLUMN_META, columnVisibility } from './column-defs';

/** Header menu for display preferences: time zone, density, columns. Kept in localStorage. */
export function DisplaySettings() {
  const [open, setOpen] = useState(false);
  const [zone, setZone] = useDisplayZone();
  const [density, setDensity] = useDensity();
  const [visibility, setVisibility] = useColumnVisibility();
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const shown = columnVisibility(visibility);
  const isVisible = (id: string) => shown[id] ?? true;

  return (
    <div className="display-settings" ref={rootRef}>
      <div className="zone-switch" role="radiogroup" aria-label="Time zone">
        {(['local', 'utc'] as const).map((z) => (
          <button
            key={z}
            type="button"
            role="radio"
            aria-checked={zone === z}
            className={`seg${zone === z ? ' is-on' : ''}`}
            onClick={() => setZone(z)}
          >
            {z === 'local' ? 'Local time' : 'UTC'}
          </button>
        ))}
      </div>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Display
      </button>
      {open && (
        <div
          id={panelId}
          className="popover display-panel"
          role="dialog"
          aria-label="Display settings"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          <fieldset>
            <legend>Density</legend>
            {(['comfortable', 'compact'] as const).map((d) => (
              <label key={d} className="check">
                <input type="radio" name="density" checked={density === d} onChange={() => setDensity(d)} />
                {d === 'comfortable' ? 'Comfortable' : 'Compact'}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Columns</legend>
            <p className="display-narrow-note muted small">
              This narrow screen shows Start, From and Outcome; your choice applies on wider ones.
            </p>
            {Object.entries(COLUMN_META).map(([id, meta]) => (
              <label key={id} className="check">
                <input
                  type="checkbox"
                  checked={isVisible(id)}
                  onChange={(e) => setVisibility({ ...visibility, [id]: e.target.checked })}
                />
                {meta.label}
              </label>
            ))}
          </fieldset>
          <p className="muted small">Drag a column edge to resize it; double-click to reset.</p>
        </div>
      )}
    </div>
  );
}
