// The grid's selection: one row is selected (and focusable) at a time. Arrows, j/k, Page keys and
// Home/End move it, Enter opens its session; a click or focus by any means (Tab, returning from the
// drawer) selects the row too. A new result starts at its first row, or at the one it is opened at.
import {
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import type { RowView } from './row-view';

interface GridKeyboardOptions {
  scrollRef: RefObject<HTMLDivElement | null>;
  resultKey: string;
  rowCount: number;
  rowHeight: number;
  rowAt: (index: number) => RowView | undefined;
  scrollToIndex: (index: number) => void;
  onOpen: (id: string) => void;
  /** The row a new result starts at (the one nearest `at=`); the first row without it. */
  startIndex?: number;
}

const rowIndexOf = (el: Element) => Number(el.getAttribute('aria-rowindex')) - 2;

export function useGridKeyboard({
  scrollRef,
  resultKey,
  rowCount,
  rowHeight,
  rowAt,
  scrollToIndex,
  onOpen,
  startIndex = 0,
}: GridKeyboardOptions) {
  const [selection, setSelection] = useState({ key: '', index: 0 });
  const selected = selection.key === resultKey ? selection.index : startIndex;
  const select = (index: number) => setSelection({ key: resultKey, index });

  // A row moved to by keyboard may not be rendered until the grid has scrolled to it: focus it on
  // the first render where it exists.
  const pendingFocus = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (pendingFocus.current === undefined) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(
      `[data-session-id][aria-rowindex="${pendingFocus.current + 2}"]`,
    );
    if (row) {
      pendingFocus.current = undefined;
      // The grid has scrolled it into view: a scroll by the browser's focus would move, past the
      // height cap, by a proportional distance.
      row.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || rowCount === 0) return;
    const perScreen = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: selected + 1,
      j: selected + 1,
      ArrowUp: selected - 1,
      k: selected - 1,
      PageDown: selected + perScreen,
      PageUp: selected - perScreen,
      Home: 0,
      End: rowCount - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      const next = Math.min(rowCount - 1, Math.max(0, target));
      select(next);
      pendingFocus.current = next;
      scrollToIndex(next);
    } else if (event.key === 'Enter') {
      const row = rowAt(selected);
      if (row) {
        event.preventDefault();
        onOpen(row.id);
      }
    }
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const index = rowIndexOf(event.target);
    if (index >= 0 && index !== selected) select(index);
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const rowEl = (event.target as HTMLElement).closest<HTMLElement>('[data-session-id]');
    if (!rowEl) return;
    select(rowIndexOf(rowEl));
    onOpen(rowEl.dataset.sessionId!);
  };
  return { selected, onKeyDown, onFocus, onClick };
}
