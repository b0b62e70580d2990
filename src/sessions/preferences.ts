// Display preferences, kept in localStorage: time zone, density, column visibility and widths.
import { useLocalStorageState } from '../lib/local-storage-store';
import type { DisplayZone } from '../lib/format';

export type Density = 'comfortable' | 'compact';

const parseZone = (v: unknown): DisplayZone | undefined => (v === 'utc' || v === 'local' ? v : undefined);
const parseDensity = (v: unknown): Density | undefined =>
  v === 'compact' || v === 'comfortable' ? v : undefined;
const parseFlags = (v: unknown): Record<string, boolean> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'boolean'))
    : undefined;
const parseSizes = (v: unknown): Record<string, number> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v).filter(
          ([, x]) => typeof x === 'number' && Number.isFinite(x) && x >= 40 && x <= 2000,
        ),
      )
    : undefined;

const NO_FLAGS: Record<string, boolean> = {};
const NO_SIZES: Record<string, number> = {};

export function useDisplayZone() {
  return useLocalStorageState<DisplayZone>('sh.zone', 'local', parseZone);
}

export function useDensity() {
  return useLocalStorageState<Density>('sh.density', 'comfortable', parseDensity);
}

export function useColumnVisibility() {
  return useLocalStorageState<Record<string, boolean>>('sh.columns.visible', NO_FLAGS, parseFlags);
}

export function useColumnSizes() {
  return useLocalStorageState<Record<string, number>>('sh.columns.sizes', NO_SIZES, parseSizes);
}

const parseOpen = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** Whether the filter panel is shown (folding it gives the table its width on small screens). */
export function useFilterPanelOpen() {
  return useLocalStorageState<boolean>('sh.filters.open', true, parseOpen);
}
