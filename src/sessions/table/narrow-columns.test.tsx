// The narrow screen's columns follow the window and are never stored as the user's choice.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NARROW_QUERY } from '../screen-widths';
import { NARROW_VISIBILITY, useShownColumnVisibility } from './narrow-columns';

/** A window whose width matches NARROW_QUERY or not, switchable as a rotating phone would. */
function fakeWindowWidth(narrow: boolean) {
  const listeners = new Set<() => void>();
  let matches = narrow;
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return query === NARROW_QUERY && matches;
    },
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  }));
  return (next: boolean) => {
    matches = next;
    listeners.forEach((l) => l());
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('useShownColumnVisibility', () => {
  it('shows start, from and outcome on a narrow screen, whatever is stored, and stores nothing', () => {
    localStorage.setItem('sh.columns.visible', JSON.stringify({ to: false, account: true }));
    fakeWindowWidth(true);
    const { result } = renderHook(() => useShownColumnVisibility());
    const [shown, set] = result.current;
    expect(Object.keys(shown).filter((id) => shown[id])).toEqual(['start', 'from', 'outcome']);
    act(() => set({ ...shown, to: true }));
    expect(localStorage.getItem('sh.columns.visible')).toBe(JSON.stringify({ to: false, account: true }));
  });

  it("shows the user's choice again once the window is wide, and stores changes there", () => {
    localStorage.setItem('sh.columns.visible', JSON.stringify({ to: false, account: true }));
    const setNarrow = fakeWindowWidth(true);
    const { result } = renderHook(() => useShownColumnVisibility());
    expect(result.current[0]).toBe(NARROW_VISIBILITY);

    act(() => setNarrow(false));
    const [shown, set] = result.current;
    // The defaults (hidden ones listed; the rest shown) under what was stored.
    expect(shown).toEqual({ account: true, missed: false, completed: false, to: false });
    act(() => set({ ...shown, to: true }));
    expect(JSON.parse(localStorage.getItem('sh.columns.visible')!)).toMatchObject({
      to: true,
      account: true,
    });
  });

  it('shows the stored choice where the browser has no matchMedia', () => {
    vi.stubGlobal('matchMedia', undefined);
    const { result } = renderHook(() => useShownColumnVisibility());
    expect(result.current[0]).toEqual({ account: false, missed: false, completed: false });
  });
});
