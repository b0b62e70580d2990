// The scan's line under the result status: its progress in words, Stop, its bounds, and, for a
// result over the bound, the question before it starts. The line is there before any scan (with the
// bounds alone), so a scan that starts once the total is known does not move the rows below.
import { formatCount, plural } from '../../lib/format';
import { MAX_MATCHES, MAX_SCANNED } from '../scan/scan-protocol';
import type { Scan } from './use-scan-result';

export const BOUNDS_TEXT = `A scan reads at most ${formatCount(MAX_SCANNED)} sessions and keeps at most ${formatCount(MAX_MATCHES)} matches.`;
/** The same on a phone's line. */
const BOUNDS_SHORT = `Scans read ${formatCount(MAX_SCANNED)} sessions at most, keep ${formatCount(MAX_MATCHES)}.`;

/**
 * "Scanned 12,000 of 48,210 sessions · 312 match so far"; without refinements, what it keeps are
 * the sessions inside the window ("· 5 in your window"): the days read hold more.
 */
export function progressText(scan: Scan, refined = true): string {
  const s = scan.state;
  if (!s) return 'Starting the scan…';
  const of = s.total !== undefined ? ` of ${formatCount(s.total)}` : '';
  const matchWord = refined ? (s.matched === 1 ? 'matches' : 'match') : 'in your window';
  const tail = s.done ? '' : scan.running ? ' so far' : '';
  return `Scanned ${formatCount(s.scanned)}${of} ${s.scanned === 1 && !of ? 'session' : 'sessions'} · ${formatCount(s.matched)} ${matchWord}${tail}`;
}

function limitText(limit: 'scanned' | 'matches'): string {
  return limit === 'scanned'
    ? `The scan stopped at ${formatCount(MAX_SCANNED)} sessions: narrow the range or add From, To, Log, account, customer or endpoint filters (the server applies those) to see the rest.`
    : `The scan stopped at ${formatCount(MAX_MATCHES)} matches: narrow the range or the filters to see the rest.`;
}

interface ScanStatusProps {
  scan: Scan;
  /** The result's size when it is over the bound and the scan waits to be asked. */
  overBound: number | undefined;
  onStartAnyway: () => void;
  /** The view has refinements: the scan keeps their matches (else the sessions in the window). */
  refined: boolean;
  /** No scan of this view runs, has run or is on its way. */
  idle: boolean;
}

export function ScanStatus({ scan, overBound, onStartAnyway, refined, idle }: ScanStatusProps) {
  if (overBound !== undefined && !scan.state && !scan.running)
    return (
      <div className="banner banner-warning" role="status">
        <div className="banner-body">
          This result holds {plural(overBound, 'session')}. {BOUNDS_TEXT} Narrow the range or add From, To,
          Log, account, customer or endpoint filters first, or scan the first {formatCount(MAX_SCANNED)}.
        </div>
        <button type="button" className="btn btn-small" onClick={onStartAnyway}>
          Scan the first {formatCount(MAX_SCANNED)}
        </button>
      </div>
    );
  const bounds = (
    <span className="muted small scan-bounds" title={BOUNDS_TEXT}>
      <span className="scan-bounds-long">{BOUNDS_TEXT}</span>
      <span className="scan-bounds-short">{BOUNDS_SHORT}</span>
    </span>
  );
  if (idle)
    return (
      <div className="scan-status" role="status">
        {bounds}
      </div>
    );
  const limit = scan.state?.limit;
  const failure = scan.state !== undefined && scan.error instanceof Error ? scan.error : undefined;
  // What stopped a scan short is read in full, on as many lines as it takes.
  return (
    <div className={`scan-status${limit || failure ? ' scan-status-long' : ''}`} role="status">
      <span className="scan-progress">
        {progressText(scan, refined)}
        {scan.stopped && ' · stopped'}
      </span>
      {scan.running && (
        <button type="button" className="btn btn-small" onClick={scan.stop}>
          Stop
        </button>
      )}
      {(scan.stopped || (scan.error !== null && scan.error !== undefined && !scan.running)) && (
        <button type="button" className="btn btn-small" onClick={scan.restart}>
          Scan again
        </button>
      )}
      {limit ? <span className="muted small">{limitText(limit)}</span> : bounds}
      {failure && <span className="scan-error">The scan failed: {failure.message}</span>}
    </div>
  );
}
