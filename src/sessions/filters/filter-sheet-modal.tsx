// The filter sheet's modal behaviour, loaded apart from the first screen (filter-sheet.tsx).
import type { RefObject } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog';

interface SheetModalProps {
  open: boolean;
  dialogRef: RefObject<HTMLDivElement | null>;
  onEscape: () => void;
}

export default function SheetModal({ open, ...props }: SheetModalProps) {
  return open ? <ModalWhileOpen {...props} /> : null;
}

/** The sheet is modal only while shown: focus in, Tab kept inside, Escape, the page inert. */
function ModalWhileOpen({ dialogRef, onEscape }: Omit<SheetModalProps, 'open'>) {
  useModalDialog(dialogRef, { onEscape });
  return null;
}
