import { useState } from 'react';
import { useRouter } from '@tanstack/react-router';
import { serializeSessionSearch, type SessionSearch } from '../filters/session-search';
import { describeTimeWindow, zoneLabel } from '../view/time-window-label';
import { freezeRange, type SessionsView } from '../view/sessions-view';
import { copyText } from '../../ui/copy-text';

/**
 * "Copy link": the view as it is, read in the opener's zone and, for a relative range, at the time
 * it is opened; and "with fixed dates": the window written as instants with their offset, so a
 * colleague in another zone, or opening it next week, sees the same sessions.
 */
export function CopyLinkMenu({ view }: { view: SessionsView }) {
  const router = useRouter();
  const [copied, setCopied] = useState<string | undefined>();
  const fixed = freezeRange(view);
  const alreadyFixed =
    new URLSearchParams(serializeSessionSearch(fixed)).toString() ===
    new URLSearchParams(serializeSessionSearch(view.search)).toString();
  const linkFor = (s: SessionSearch) =>
    new URL(router.buildLocation({ to: '/', search: s }).href, window.location.origin).href;

  const copy = async (label: string, s: SessionSearch) => {
    const ok = await copyText(linkFor(s));
    setCopied(ok ? `${label} copied` : 'Copy failed: select the address bar instead');
    setTimeout(() => setCopied(undefined), 2500);
  };

  return (
    <div className="copy-link">
      <button type="button" className="btn btn-small" onClick={() => copy('Link', view.search)}>
        Copy link
      </button>
      {!alreadyFixed && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => copy('Link with fixed dates', fixed)}
          title={`A link to ${describeTimeWindow(view.window)} (${zoneLabel(view.zoneName)}), the same for anyone, whenever it is opened`}
        >
          Copy link with fixed dates
        </button>
      )}
      <span role="status" className="copy-status">
        {copied}
      </span>
    </div>
  );
}
