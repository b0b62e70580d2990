import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * True from the browser's `beforeprint` until `afterprint`. The state change is flushed
 * synchronously so that what it renders is in the DOM before the browser lays out the printout.
 * `printedAt` is when printing last began (epoch ms), or undefined before the first print.
 */
export function usePrintMode(): { printing: boolean; printedAt: number | undefined } {
  const [state, setState] = useState<{ printing: boolean; printedAt: number | undefined }>({
    printing: false,
    printedAt: undefined,
  });
  useEffect(() => {
    const before = () => flushSync(() => setState({ printing: true, printedAt: Date.now() }));
    const after = () => setState((s) => ({ ...s, printing: false }));
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return state;
}

/** Adds a class to <body> while mounted (for page-wide styles such as print rules). */
export function useBodyClass(className: string) {
  useEffect(() => {
    document.body.classList.add(className);
    return () => document.body.classList.remove(className);
  }, [className]);
}
