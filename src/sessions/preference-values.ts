// The display preferences as they are kept in localStorage: time zone, density, column visibility
// and widths, the filter panel. Hooks over them are in preferences.ts; the head start reads the
// zone before React is there.
import type { StoredValue } from '../lib/stored-value';
import type { DisplayZone } from '../lib/format';

export type Density = 'comfortable' | 'compact';

const flags = (v: unknown): Record<string, boolean> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'boolean'))
    : undefined;
const sizes = (v: unknown): Record<string, number> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v).filter(
          ([, x]) => typeof x === 'number' && Number.isFinite(x) && x >= 40 && x <= 2000,
        ),
      )
    : undefined;

export const ZONE: StoredValue<DisplayZone> = {
  key: 'sh.zone',
  fallback: 'local',
  parse: (v) => (v === 'utc' || v === 'local' ? v : undefined),
};

export const DENSITY: StoredValue<Density> = {
  key: 'sh.density',
  fallback: 'comfortable',
  parse: (v) => (v === 'compact' || v === 'comfortable' ? v : undefined),
};

/** Columns shown or hidden by the user; the rest follow COLUMN_META's defaults. */
export const COLUMN_VISIBILITY: StoredValue<Record<string, boolean>> = {
  key: 'sh.columns.visible',
  fallback: {},
  parse: flags,
};

/** Column widths set by the user, in px. */
export const COLUMN_SIZES: StoredValue<Record<string, number>> = {
  key: 'sh.columns.sizes',
  fallback: {},
  parse: sizes,
};

/** Whether the filter panel is shown (folding it gives the table its width on small screens). */
export const FILTER_PANEL_OPEN: StoredValue<boolean> = {
  key: 'sh.filters.open',
  fallback: true,
  parse: (v) => (typeof v === 'boolean' ? v : undefined),
};

/** "Mask caller details" in the drawer, its printout and copied summary, remembered once switched on. */
export const MASK_CALLER: StoredValue<boolean> = {
  key: 'sh.mask',
  fallback: false,
  parse: (v) => (typeof v === 'boolean' ? v : undefined),
};
