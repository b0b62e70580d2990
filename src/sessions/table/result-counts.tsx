// The result's counts above the table: missed, each direction, channel and outcome seen. Each is a
// button that applies its refinement. They all come from one scan of the view (one anchored
// snapshot): at once for a small result, on request ("Count outcomes") for a larger one.
// The row is one line from the first render, whatever it holds: counts arriving after the rows never
// move the rows (a click aimed at one lands on it). The chips scroll sideways when they do not fit.
import { memo } from 'react';
import { formatCount } from '../../lib/format';
import { useUpdateSessionSearch } from '../filters/use-session-search';
import { DIRECTIONS, type Refinements, type SessionCounts } from '../refinements';
import type { SessionSearch } from '../filters/session-search';
import { COUNT_AT_ONCE } from './use-view-result';

interface ResultCountsProps {
  counts: SessionCounts | undefined;
  /** The counts are of part of the result (the scan runs or was stopped). */
  partial: boolean;
  refinements: Refinements;
  /** Starts counting a result too large to count at once. */
  onCount: (() => void) | undefined;
  /** The counts are on their way (a scan runs or is about to). */
  counting: boolean;
}

type Apply = (search: SessionSearch) => SessionSearch;

const byCount = (values: Record<string, number>) => Object.entries(values).sort((a, b) => b[1] - a[1]);

// Memoized: the table draws again with every step of a scan, the counts only when theirs change.
export const ResultCounts = memo(function ResultCounts({
  counts,
  partial,
  refinements,
  onCount,
  counting,
}: ResultCountsProps) {
  const update = useUpdateSessionSearch();
  if (!counts)
    return (
      <div className="result-counts">
        {onCount ? (
          <>
            <button type="button" className="btn btn-small" onClick={onCount}>
              Count outcomes
            </button>
            <span className="muted small">
              Results over {formatCount(COUNT_AT_ONCE)} sessions are counted on request.
            </span>
          </>
        ) : (
          counting && <span className="muted small">Counting outcomes…</span>
        )}
      </div>
    );

  const button = (
    key: string,
    label: string,
    n: number,
    pressed: boolean,
    apply: Apply,
    group?: string,
    title?: string,
  ) => (
    <button
      key={key}
      type="button"
      className="count-chip"
      aria-pressed={pressed}
      aria-label={`${group ? `${group} ` : ''}${label}: ${formatCount(n)}`}
      title={title}
      onClick={() => void update((s) => ({ ...apply(s), session: undefined }))}
    >
      {label} <strong>{formatCount(n)}</strong>
    </button>
  );
  const has = (list: string[] | undefined, value: string) =>
    list?.some((v) => v.toLowerCase() === value.toLowerCase()) === true;
  // A group of values any of which the link can ask for, each applied alone.
  const listGroup = (name: string, field: 'channel' | 'outcome') =>
    Object.keys(counts[field]).length > 0 && [
      <span key={field} className="count-group">
        {name}
      </span>,
      ...byCount(counts[field]).map(([value, n]) =>
        button(
          `${field}:${value}`,
          value,
          n,
          has(refinements[field], value),
          (s) => ({ ...s, [field]: [value] }),
          name,
        ),
      ),
    ];

  // Sessions of another direction than the two a link can ask for, or of none: the direction chips
  // add up to the result with them.
  const directions = byCount(counts.direction);
  const isOffered = (value: string) => DIRECTIONS.some((d) => d.toLowerCase() === value.toLowerCase());
  const others = directions.filter(([value]) => value !== '' && !isOffered(value));
  const offered = directions.reduce((n, [value, c]) => n + (isOffered(value) ? c : 0), 0);
  const otherDirections = counts.sessions - offered;
  const unstated = otherDirections - others.reduce((n, [, c]) => n + c, 0);
  if (unstated > 0) others.push(['none stated', unstated]);
  const otherTitle = others.map(([v, c]) => `${v}: ${formatCount(c)}`).join(', ');

  return (
    <div className="result-counts" role="group" aria-label={partial ? 'Counts so far' : 'Counts'}>
      {partial && <span className="muted small">So far:</span>}
      {button(
        'missed',
        'Missed',
        counts.missed,
        refinements.missed === true,
        (s) => ({ ...s, missed: true }),
        undefined,
        // Not the outcome of that name: the API marks missed sessions of several outcomes.
        'Marked missed by the API, whatever the outcome',
      )}
      {counts.sessions > 0 && <span className="count-group">Direction</span>}
      {directions.map(([value, n]) => {
        const direction = DIRECTIONS.find((d) => d.toLowerCase() === value.toLowerCase());
        return (
          direction &&
          button(`d:${value}`, direction, n, refinements.direction === direction, (s) => ({
            ...s,
            direction,
          }))
        );
      })}
      {otherDirections > 0 && (
        // Only the API's two directions can be asked for in a link: the rest are counted, not offered.
        <span className="count-chip count-chip-static" title={otherTitle}>
          Other <strong>{formatCount(otherDirections)}</strong>
        </span>
      )}
      {listGroup('Channel', 'channel')}
      {listGroup('Outcome', 'outcome')}
    </div>
  );
});
