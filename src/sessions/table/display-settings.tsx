import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useDisplayZone } from '../preferences';

// The panel opens on a click: its code loads then, not with the first screen.
const DisplayPanel = lazy(() => import('./display-panel').then((m) => ({ default: m.DisplayPanel })));

/** Header menu for display preferences: time zone, density, columns. Kept in localStorage. */
export function DisplaySettings() {
  const [open, setOpen] = useState(false);
  const [zone, setZone] = useDisplayZone();
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

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    // Escape closes the panel wherever focus is in the menu: on its button too, as after a click.
    <div
      className="display-settings"
      ref={rootRef}
      onKeyDown={(e) => {
        if (open && e.key === 'Escape') close();
      }}
    >
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
        <Suspense fallback={null}>
          <DisplayPanel id={panelId} />
        </Suspense>
      )}
    </div>
  );
}
