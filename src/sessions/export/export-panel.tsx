// "Export": the whole current result to a file, as CSV (the visible columns) or JSON lines (whole
// sessions), with progress and Cancel. The export runs here, outside React Query: it is a one-off
// walk written to a file, not data any screen reads. This module loads with the first click on the
// first screen's Export button (export-menu.tsx), so it opens with its options shown.
import { useEffect, useId, useRef, useState } from 'react';
import { formatCount } from '../../lib/format';
import { useColumnVisibility } from '../preferences';
import type { SessionsView } from '../view/sessions-view';
import { EXPORT_FORMATS, visibleColumnIds, type ExportFormat } from './export-formats';
import { exportFileName } from './export-name';
import { openExportSink } from './export-sink';
import type { WalkProgress } from './walk-result';

interface ExportPanelProps {
  /** The result exported: every filter and refinement of the view, in its order. */
  view: SessionsView;
}

type ExportState =
  | { step: 'idle'; message?: string; failed?: boolean }
  | { step: 'running'; format: ExportFormat; fileName: string; progress: WalkProgress };

export function ExportPanel({ view }: ExportPanelProps) {
  const menuId = useId();
  const [open, setOpen] = useState(true);
  const [state, setState] = useState<ExportState>({ step: 'idle' });
  const [visibility] = useColumnVisibility();
  const controller = useRef<AbortController | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // The button clicked to load this one is gone: focus goes to this one, so keys reach the menu.
  useEffect(() => button.current?.focus(), []);
  // Leaving the screen cancels an export in progress.
  useEffect(() => () => controller.current?.abort(), []);

  const start = async (format: ExportFormat) => {
    setOpen(false);
    const fileName = exportFileName(view, format);
    // First, in the click's own task: the save dialog needs the user's gesture. The export's code
    // loads meanwhile (it is not first-screen code).
    const runner = import('./run-export');
    const sink = await openExportSink(fileName, EXPORT_FORMATS[format]);
    if (!sink) return;
    const abort = new AbortController();
    controller.current = abort;
    setState({ step: 'running', format, fileName, progress: { read: 0, kept: 0, total: undefined } });
    try {
      const { runExport, viewAccept } = await runner;
      const done = await runExport({
        format,
        requests: view.segments.map((s) => s.request),
        merge: view.merge,
        accept: viewAccept(view),
        sink,
        signal: abort.signal,
        layout: {
          columns: visibleColumnIds(visibility),
          zone: view.zone,
          origin: window.location.origin,
          now: Date.now(),
        },
        onProgress: (progress) => setState({ step: 'running', format, fileName, progress }),
      });
      setState({ step: 'idle', message: `Exported ${plural(done.kept)} to ${fileName}` });
    } catch (e) {
      setState(
        abort.signal.aborted
          ? { step: 'idle', message: 'Export cancelled' }
          : {
              step: 'idle',
              failed: true,
              message: `Export failed: ${e instanceof Error ? e.message : 'unknown error'}`,
            },
      );
    } finally {
      if (controller.current === abort) controller.current = undefined;
    }
  };

  if (state.step === 'running') {
    const { progress, fileName } = state;
    return (
      <div className="export-menu export-running" role="group" aria-label="Export in progress">
        <progress
          className="export-progress"
          aria-label={`Exporting ${fileName}`}
          max={progress.total ?? undefined}
          value={progress.total !== undefined ? progress.read : undefined}
        />
        <span role="status" className="export-status">
          {`Exporting ${EXPORT_FORMATS[state.format].label}: ${formatCount(progress.read)}${
            progress.total !== undefined ? ` of ${formatCount(progress.total)}` : ''
          } sessions read`}
          {progress.kept !== progress.read ? `, ${formatCount(progress.kept)} kept` : ''}
        </span>
        <button type="button" className="btn btn-small" onClick={() => controller.current?.abort()}>
          Cancel
        </button>
      </div>
    );
  }

  return (
    <div
      className="export-menu"
      ref={root}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      onBlur={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        Export
      </button>
      {open && (
        <div id={menuId} className="export-options" role="group" aria-label="Export format">
          <button type="button" className="btn btn-small btn-ghost" onClick={() => void start('csv')}>
            CSV <span className="muted">(visible columns)</span>
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => void start('ndjson')}>
            JSON lines <span className="muted">(whole sessions)</span>
          </button>
        </div>
      )}
      {state.message && (
        <span role={state.failed ? 'alert' : 'status'} className="export-status">
          {state.message}
        </span>
      )}
    </div>
  );
}

const plural = (n: number) => `${formatCount(n)} ${n === 1 ? 'session' : 'sessions'}`;
