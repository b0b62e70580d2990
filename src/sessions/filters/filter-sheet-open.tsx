import type { RefObject } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog';

/**
 * The filter sheet while it is shown: the backdrop (a click closes the sheet), and the sheet modal:
 * focus in, Tab kept inside, Escape, the page inert.
 */
export function SheetWhileOpen({
  dialogRef,
  onClose,
}: {
  dialogRef: RefObject<HTMLDivElement | null>;
  onClose: () => void;
}) {
  useModalDialog(dialogRef, { onEscape: onClose });
  return <div className="filter-sheet-backdrop" onClick={onClose} />;
}
