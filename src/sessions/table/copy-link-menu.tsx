import { useState } from 'react';
import { useRouter } from '@tanstack/react-router';
import type { SessionSearch } from '../filters/session-search';
import { freezeRange, type SessionsView } from '../view/sessions-view';
import { copyText } from '../../ui/copy-button';

/**
 * "Copy link": the view as it is and, for a relative range ("Last 7 days"), a link frozen to the
 * days shown now, so a colleague opening it next week sees the same sessions.
 */
export function CopyLinkMenu({ view }: { view: SessionsView }) {
  const router = useRouter();
  const [copied, setCopied] = useState<string | undefined>();
  const { range } = view;
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
      {range.preset && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => copy('Link with fixed dates', freezeRange(view))}
          title={`A link to ${range.startDate} – ${range.endDate}, whenever it is opened`}
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
