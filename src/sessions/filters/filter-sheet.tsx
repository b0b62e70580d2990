// Where the filter panel sits: beside the table on a wide window, or, on a narrower one, in a sheet
// over the page (screen-widths.ts). The sheet stays mounted while closed, so text typed in it keeps
// its draft and debounce as the panel beside the table does.
import { lazy, Suspense, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { SessionsView } from '../view/sessions-view';
import { FilterPanel } from './filter-panel';
import { writeTypedFilters } from './typed-filters';
import './filter-sheet.css';

// The sheet's modal behaviour is not on the first screen: its code loads as soon as the window is
// narrow enough for a sheet (it is rendered, closed, from then on), so it is there when the sheet
// opens. Should it fail to load, the sheet still opens and closes with its button.
const SheetModal = lazy(() => import('./filter-sheet-modal').catch(() => ({ default: () => null })));

interface FilterSlotProps {
  /** The id the toolbar's toggle controls. */
  id: string;
  view: SessionsView;
  open: boolean;
  asSheet: boolean;
  onClose: () => void;
}

export function FilterSlot({ id, view, open, asSheet, onClose }: FilterSlotProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  if (!asSheet) {
    return (
      <div id={id} className="filter-panel-slot" hidden={!open}>
        <FilterPanel view={view} />
      </div>
    );
  }
  const close = () => {
    // What is typed applies now, not 300 ms later behind the closing sheet.
    writeTypedFilters();
    // Focus goes back to where it was (the toolbar's toggle) as the modal part unmounts.
    onClose();
  };
  return createPortal(
    <div id={id} className="filter-sheet-layer" hidden={!open}>
      <div className="filter-sheet-backdrop" onClick={close} />
      <div
        ref={dialogRef}
        className="filter-sheet"
        role="dialog"
        aria-modal="true"
        aria-label="Filters"
        tabIndex={-1}
      >
        <FilterPanel view={view} />
        <div className="filter-sheet-foot">
          <button type="button" className="btn btn-primary" onClick={close}>
            Show sessions
          </button>
        </div>
      </div>
      <Suspense fallback={null}>
        <SheetModal open={open} dialogRef={dialogRef} onEscape={close} />
      </Suspense>
    </div>,
    document.body,
  );
}
