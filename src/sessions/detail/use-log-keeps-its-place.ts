import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * A live session's log grows while it is read. Scrolled to the end, the view follows new lines;
 * anywhere else it stays where it is and counts the lines that arrived ("N new lines").
 */
export function useLogKeepsItsPlace(
  scrollRef: RefObject<HTMLElement | null>,
  length: number,
  scrollToIndex: (index: number) => void,
) {
  const [atEnd, setAtEnd] = useState(true);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => setAtEnd(el.scrollTop + el.clientHeight >= el.scrollHeight - 24);
    onScroll();
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scrollRef]);

  // The first line the reader has not seen yet, while away from the end.
  const [tracked, setTracked] = useState<{ length: number; unseenFrom?: number }>({ length });
  if (length !== tracked.length) {
    const grew = length > tracked.length && !atEnd;
    setTracked({ length, unseenFrom: grew ? (tracked.unseenFrom ?? tracked.length) : undefined });
  }
  const unseenFrom = atEnd ? undefined : tracked.unseenFrom;

  const lastLength = useRef(length);
  useLayoutEffect(() => {
    const grew = length > lastLength.current;
    lastLength.current = length;
    const el = scrollRef.current;
    if (grew && atEnd && el) el.scrollTop = el.scrollHeight;
  }, [length, atEnd, scrollRef]);

  return {
    newLines: unseenFrom === undefined ? 0 : length - unseenFrom,
    showNewLines: () => {
      if (unseenFrom !== undefined) scrollToIndex(unseenFrom);
      setTracked({ length });
    },
  };
}
