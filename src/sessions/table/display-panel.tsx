// The Display menu's panel (display-settings.tsx): density and columns, kept in localStorage.
import { useColumnVisibility, useDensity } from '../preferences';
import { COLUMN_META, columnVisibility } from './column-defs';

export function DisplayPanel({ id }: { id: string }) {
  const [density, setDensity] = useDensity();
  const [visibility, setVisibility] = useColumnVisibility();
  const shown = columnVisibility(visibility);
  const isVisible = (column: string) => shown[column] ?? true;

  return (
    <div id={id} className="popover display-panel" role="dialog" aria-label="Display settings">
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
        {Object.entries(COLUMN_META).map(([column, meta]) => (
          <label key={column} className="check">
            <input
              type="checkbox"
              checked={isVisible(column)}
              onChange={(e) => setVisibility({ ...visibility, [column]: e.target.checked })}
            />
            {meta.label}
          </label>
        ))}
      </fieldset>
      <p className="muted small">Drag a column edge to resize it; double-click to reset.</p>
    </div>
  );
}
