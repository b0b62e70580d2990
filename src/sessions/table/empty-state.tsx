// What an empty result says: what was searched, in words, and the ways out of it.
import { plural } from '../../lib/format';
import {
  clearFilters,
  countActiveFilters,
  quoteLinkValue,
  type SessionSearch,
} from '../filters/session-search';
import type { useUpdateSessionSearch } from '../filters/use-session-search';
import type { SessionsView } from '../view/sessions-view';
import { describeTimeWindow, zoneLabel } from '../view/time-window-label';

const DAY_MS = 86_400_000;

const SHOWN_IDS = 3;

/** "accounts a, b, c and 47 more": the filter panel lists them all. */
function idsTerm(noun: string, ids: string[] | undefined): string | undefined {
  if (!ids?.length) return undefined;
  const shown = ids.slice(0, SHOWN_IDS).map((id) => quoteLinkValue(id));
  const more = ids.length > SHOWN_IDS ? ` and ${ids.length - SHOWN_IDS} more` : '';
  return `${ids.length === 1 ? noun : `${noun}s`} ${shown.join(', ')}${more}`;
}

function searchTerms(search: SessionSearch): string[] {
  return [
    search.from && `From contains “${quoteLinkValue(search.from)}”`,
    search.to && `To contains “${quoteLinkValue(search.to)}”`,
    search.log && `Log contains “${quoteLinkValue(search.log)}”`,
    idsTerm('account', search.account),
    idsTerm('customer', search.customer),
    idsTerm('endpoint', search.endpoint),
    search.parent && `child sessions of ${quoteLinkValue(search.parent)}`,
    search.missed !== undefined && (search.missed ? 'missed' : 'not missed'),
    search.outcome && `outcome ${search.outcome.map((o) => quoteLinkValue(o)).join(' or ')}`,
    search.channel && `channel ${search.channel.map((c) => quoteLinkValue(c)).join(' or ')}`,
    search.direction && search.direction.toLowerCase(),
    search.minDuration !== undefined && `at least ${search.minDuration} s long`,
    search.maxDuration !== undefined && `at most ${search.maxDuration} s long`,
  ].filter((term): term is string => !!term);
}

export function EmptyState({
  view,
  update,
}: {
  view: SessionsView;
  update: ReturnType<typeof useUpdateSessionSearch>;
}) {
  const { search, window } = view;
  const active = countActiveFilters(search);
  const terms = searchTerms(search);
  const wideRange = window.endMs - window.startMs >= 28 * DAY_MS;
  const store = { both: '', live: 'live ', archive: 'archived ' }[view.stores];
  return (
    <div className="empty-state" role="status">
      <h2>No {store}sessions found</h2>
      <p>
        Searched {describeTimeWindow(window)} ({zoneLabel(view.zoneName)})
        {terms.length ? ` for ${terms.join('; ')}` : ''}.
      </p>
      {(search.from ?? search.to) && (
        <p className="muted">
          Numbers are searched by their digits: “+1 (503) 555-1234” finds +15035551234; part of a number finds
          every number containing it.
        </p>
      )}
      <div className="empty-actions">
        {!wideRange && (
          <button
            type="button"
            className="btn"
            onClick={() =>
              update((s) => ({
                ...s,
                range: '30d',
                start: undefined,
                end: undefined,
                at: undefined,
                span: undefined,
              }))
            }
          >
            Widen to the last 30 days
          </button>
        )}
        {view.stores === 'live' && (
          <button type="button" className="btn" onClick={() => update((s) => ({ ...s, archive: undefined }))}>
            Search the archive too
          </button>
        )}
        {active > 0 && (
          <button type="button" className="btn" onClick={() => update(clearFilters)}>
            Clear {plural(active, 'filter')}
          </button>
        )}
      </div>
    </div>
  );
}
