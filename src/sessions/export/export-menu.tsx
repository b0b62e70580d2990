// "Export" on the first screen is its button only: the menu, the file's name and the save dialog
// load with the first click (export-panel.tsx), which opens the menu; the export's own code loads
// with the first export (run-export.ts).
import { lazy, Suspense, useState } from 'react';
import type { SessionsView } from '../view/sessions-view';
import './export-menu.css';

const ExportPanel = lazy(() => import('./export-panel').then((m) => ({ default: m.ExportPanel })));

export function ExportMenu({ view }: { view: SessionsView }) {
  const [opened, setOpened] = useState(false);
  const button = (
    <div className="export-menu">
      <button type="button" className="btn btn-small" aria-expanded={false} onClick={() => setOpened(true)}>
        Export
      </button>
    </div>
  );
  if (!opened) return button;
  return (
    <Suspense fallback={button}>
      <ExportPanel view={view} />
    </Suspense>
  );
}
