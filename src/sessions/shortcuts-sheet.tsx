import { useEffect, useRef } from 'react';
import './shortcuts-sheet.css';

/** Every keyboard shortcut of the app, in one place: the sheet lists these. */
export const SHORTCUTS: readonly { keys: string[]; what: string; where: string }[] = [
  { keys: ['/'], what: 'Search (the filters)', where: 'Sessions' },
  { keys: ['↓', 'j'], what: 'Next row', where: 'Sessions' },
  { keys: ['↑', 'k'], what: 'Previous row', where: 'Sessions' },
  { keys: ['Page Down', 'Page Up'], what: 'A screen down / up', where: 'Sessions' },
  { keys: ['Home', 'End'], what: 'First / last row', where: 'Sessions' },
  { keys: ['Enter'], what: 'Open the session', where: 'Sessions' },
  { keys: ['j'], what: 'Next session, drawer kept open', where: 'Session' },
  { keys: ['k'], what: 'Previous session, drawer kept open', where: 'Session' },
  { keys: ['Enter', 'Shift+Enter'], what: 'Next / previous match in the log', where: 'Find in log' },
  { keys: ['Esc'], what: 'Close the session (or this sheet)', where: 'Session' },
  { keys: ['?'], what: 'This list', where: 'Anywhere' },
];

/**
 * The sheet of keyboard shortcuts, shown while it is mounted (`shortcuts.tsx` mounts it on `?`): a
 * native modal <dialog> (top layer, focus kept inside). Escape closes only the sheet: it is stopped
 * here, so a drawer under it stays open.
 */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="shortcuts-sheet"
      aria-labelledby="shortcuts-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="shortcuts-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="btn btn-ghost" aria-label="Close" onClick={onClose} autoFocus>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={`${s.where}-${s.what}`}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.what}</td>
              <td className="muted">{s.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
