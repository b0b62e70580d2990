import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

export interface ModalDialogOptions {
  /** Called on Escape (the dialog closes itself by unmounting). */
  onEscape: () => void;
  /** Elements directly under <body> that stay interactive (the dialog's own portal nodes). */
  keepInteractive?: () => (Element | null)[];
  /** What takes focus on open (e.g. the scrolling body, so arrow keys scroll at once); default the dialog. */
  initialFocus?: RefObject<HTMLElement | null>;
}

/**
 * Modal behaviour for a dialog element: focus moves in on mount, Tab cycles inside, Escape calls
 * `onEscape`, the rest of the page is `inert`, and on unmount focus returns to what had it before,
 * unless someone else (e.g. a table restoring its row) has already placed it.
 */
export function useModalDialog(dialogRef: RefObject<HTMLElement | null>, options: ModalDialogOptions) {
  const optionsRef = useRef(options);
  useLayoutEffect(() => {
    optionsRef.current = options;
  });

  // Inert the background. A layout effect, so that the cleanup runs before the next commit's layout
  // effects: whoever restores focus to the page then finds it interactive again.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const keep = new Set<Element | null>([dialog, ...(optionsRef.current.keepInteractive?.() ?? [])]);
    const made: Element[] = [];
    for (const el of document.body.children) {
      if (keep.has(el) || el.contains(dialog) || el.hasAttribute('inert')) continue;
      if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
      el.setAttribute('inert', '');
      made.push(el);
    }
    return () => made.forEach((el) => el.removeAttribute('inert'));
  }, [dialogRef]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.contains(document.activeElement)) {
      (optionsRef.current.initialFocus?.current ?? dialog).focus({ preventScroll: true });
    }

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        optionsRef.current.onEscape();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusableIn(dialog);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) {
        event.preventDefault();
        dialog.focus();
        return;
      }
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    // Focus that lands outside (e.g. from a browser extension or a script) is brought back.
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Node | null;
      if (target && !dialog.contains(target) && dialog.isConnected) dialog.focus({ preventScroll: true });
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      // Fallback restore: only when focus was lost with the dialog (it sits on <body> or inside it).
      const active = document.activeElement;
      const lost = !active || active === document.body || dialog.contains(active);
      if (lost && previous && previous.isConnected && previous !== document.body) {
        previous.focus({ preventScroll: true });
      }
    };
  }, [dialogRef]);
}
