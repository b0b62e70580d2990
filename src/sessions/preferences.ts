// Display preferences as React state (kept in localStorage: preference-values.ts).
import { useLocalStorageState } from '../lib/local-storage-store';
import {
  COLUMN_SIZES,
  COLUMN_VISIBILITY,
  DENSITY,
  FILTER_PANEL_OPEN,
  MASK_CALLER,
  ZONE,
} from './preference-values';

export type { Density } from './preference-values';

export const useDisplayZone = () => useLocalStorageState(ZONE);
export const useDensity = () => useLocalStorageState(DENSITY);
export const useColumnVisibility = () => useLocalStorageState(COLUMN_VISIBILITY);
export const useColumnSizes = () => useLocalStorageState(COLUMN_SIZES);
export const useFilterPanelOpen = () => useLocalStorageState(FILTER_PANEL_OPEN);
export const useMaskCaller = () => useLocalStorageState(MASK_CALLER);
