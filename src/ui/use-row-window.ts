// The rows of a fixed-row-height grid that are under its viewport, from its scroll position, in the
// scroll space of scroll-space.ts (docs/scrolling.md): below the browsers' height cap the element
// scrolls natively; past it the spacer stays at the cap, the thumb maps proportionally to a row,
// and the wheel and scrollToIndex move by rows. Touch and other native scrolling stay native
// (their momentum is the browser's), so they move proportionally past the cap.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  offsetToShow,
  rowsInView,
  rowTop,
  scrollSpace,
  spacerCap,
  toReal,
  toVirtual,
  type RowWindow,
  type ScrollSpace,
} from './scroll-space';

export type ScrollDirection = 'forward' | 'backward' | null;

interface Position {
  /** The offset in the rows' true height, and the element's scrollTop it is shown at. */
  virtual: number;
  real: number;
  direction: ScrollDirection;
  /** The position is ours (wheel, scrollToIndex): the element is scrolled to `real` on commit. */
  write: boolean;
}

interface RowWindowOptions {
  scrollRef: RefObject<HTMLElement | null>;
  rowCount: number;
  rowHeight: number;
  /** Height of the sticky header above the rows, inside the scroll element. */
  header: number;
  overscan: number;
  /** A new key starts at the top. */
  resetKey: string;
  /** Called in the event that moved the rows in view (scroll, wheel, resize, a new count). */
  onChange: (rows: RowWindow, direction: ScrollDirection, virtual: number, viewport: number) => void;
}

export function useRowWindow({
  scrollRef,
  rowCount,
  rowHeight,
  header,
  overscan,
  resetKey,
  onChange,
}: RowWindowOptions) {
  // The window's size until the element is measured: the first render already draws the rows a
  // window's height can show (measured at 0 it would draw none, then render them all again).
  const [size, setSize] = useState(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
    ratio: window.devicePixelRatio,
  }));
  const space = useMemo(
    () => scrollSpace({ rowCount, rowHeight, header, viewport: size.height, cap: spacerCap(size.ratio) }),
    [rowCount, rowHeight, header, size.height, size.ratio],
  );
  const [pos, setPos] = useState<Position>({ virtual: 0, real: 0, direction: null, write: false });

  // What event handlers read: the newest space and position, set before React renders them.
  const latest = useRef({ space, pos, onChange, overscan });
  /** scrollTop last written: the scroll event it causes is ours, not the user's. */
  const written = useRef<number | undefined>(undefined);

  const notify = useCallback(() => {
    const { space, pos, onChange, overscan } = latest.current;
    onChange(rowsInView(space, pos.virtual, overscan), pos.direction, pos.virtual, space.viewport);
  }, []);

  const move = useCallback(
    (virtual: number, real: number, write: boolean) => {
      const prev = latest.current.pos;
      if (prev.virtual === virtual && prev.real === real) return;
      const direction =
        virtual > prev.virtual ? 'forward' : virtual < prev.virtual ? 'backward' : prev.direction;
      const next = { virtual, real, direction, write };
      latest.current.pos = next;
      setPos(next);
      notify();
    },
    [notify],
  );

  /** Shows a virtual offset, writing the page's scroll position with the rows it places. */
  const moveTo = useCallback(
    (virtual: number) => {
      const { space } = latest.current;
      const target = Math.min(space.virtualMax, Math.max(0, virtual));
      const real = toReal(space, target);
      move(space.scale === 1 ? real : target, real, true);
    },
    [move],
  );

  const scrollToIndex = useCallback(
    (index: number, align: 'auto' | 'start' = 'auto') => {
      const { space, pos } = latest.current;
      moveTo(offsetToShow(space, pos.virtual, index, align));
    },
    [moveTo],
  );

  // The element's scroll position follows ours in the same commit as the rows placed for it.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !pos.write) return;
    if (el.scrollTop !== pos.real) el.scrollTop = pos.real;
    written.current = pos.real;
  }, [pos, scrollRef]);

  // Handlers and the reports read the newest callback and overscan.
  useLayoutEffect(() => {
    latest.current.onChange = onChange;
    latest.current.overscan = overscan;
  });

  // A new space (count, row height, viewport) keeps the row shown: past the cap the same virtual
  // offset sits at another scroll position. Then the rows in view are reported again.
  const previousScale = useRef(space.scale);
  useLayoutEffect(() => {
    const scaled = space.scale !== 1 || previousScale.current !== 1;
    latest.current.space = space;
    previousScale.current = space.scale;
    if (scaled) moveTo(latest.current.pos.virtual);
    notify();
  }, [space, moveTo, notify]);

  useEffect(() => {
    moveTo(0);
  }, [resetKey, moveTo]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () =>
      setSize((prev) =>
        prev.width === el.clientWidth &&
        prev.height === el.clientHeight &&
        prev.ratio === window.devicePixelRatio
          ? prev
          : { width: el.clientWidth, height: el.clientHeight, ratio: window.devicePixelRatio },
      );
    measure();
    // Focusing an element scrolls it into view: a move of its own distance, not a share of the result.
    let focusing = false;
    const onFocusIn = (event: FocusEvent) => {
      // The grid itself taking focus (a press on its scrollbar, say) scrolls nothing: a drag of the
      // thumb that begins in the same frame must not be read as a focus's scroll.
      if (event.target === el) return;
      focusing = true;
      // Scroll events are dispatched before the frame's animation callbacks.
      requestAnimationFrame(() => (focusing = false));
    };
    const onScroll = () => {
      const real = el.scrollTop;
      const { space, pos } = latest.current;
      if (space.scale === 1) return move(real, real, false);
      // The scroll event of our own write: its position is already shown.
      if (written.current !== undefined && Math.abs(real - written.current) <= 1) return;
      written.current = undefined;
      if (focusing) moveTo(pos.virtual + real - pos.real);
      else move(toVirtual(space, real), real, false);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('focusin', onFocusIn);
    // A zoom changes the device pixel ratio, and with it Chromium's cap in CSS px.
    window.addEventListener('resize', measure);
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
  }, [scrollRef, move, moveTo]);

  // Past the cap a wheel step moves rows by its own distance, not the proportional one (a notch
  // would skip hundreds of rows). Below the cap no wheel listener is added: a non-passive one
  // would make the browser wait for the main thread on every wheel scroll.
  const scaled = space.scale !== 1;
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !scaled) return;
    const onWheel = (event: WheelEvent) => {
      // Zoom and horizontal scrolling stay the browser's.
      if (event.ctrlKey || event.shiftKey || event.deltaY === 0) return;
      const { space, pos } = latest.current;
      const unit =
        event.deltaMode === WheelEvent.DOM_DELTA_LINE
          ? space.rowHeight
          : event.deltaMode === WheelEvent.DOM_DELTA_PAGE
            ? Math.max(space.rowHeight, space.viewport - space.header)
            : 1;
      event.preventDefault();
      if (event.deltaX !== 0) el.scrollLeft += event.deltaX * unit;
      moveTo(pos.virtual + event.deltaY * unit);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scrollRef, scaled, moveTo]);

  const rows = rowsInView(space, pos.virtual, overscan);
  const items: { index: number; top: number }[] = [];
  for (let i = rows.drawnFirst; i <= rows.drawnLast; i++) {
    items.push({ index: i, top: rowTop(space, i, pos.virtual, pos.real) });
  }
  return { items, rows, space, width: size.width, scrollToIndex };
}

export type { RowWindow, ScrollSpace };
