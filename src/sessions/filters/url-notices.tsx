import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { parseSessionSearch } from './session-search';

/**
 * Tells what a link had that could not be used (a bad date, an unknown sort, a stray key), then
 * rewrites the address to the view actually shown, so a copied link is clean.
 */
export function UrlNotices() {
  const rawSearch = useLocation({ select: (l) => l.search });
  const navigate = useNavigate();
  const parsed = useMemo(() => parseSessionSearch(rawSearch as Record<string, unknown>), [rawSearch]);
  const [notices, setNotices] = useState<string[]>([]);
  // Kept in state: they outlive the rewrite of the address that removes their cause.
  const [reported, setReported] = useState<typeof parsed | undefined>(undefined);
  if (reported !== parsed) {
    setReported(parsed);
    if (parsed.notices.length > 0) setNotices(parsed.notices);
  }

  useEffect(() => {
    if (parsed.notices.length > 0) void navigate({ to: '/', search: parsed.search, replace: true });
  }, [parsed, navigate]);

  if (notices.length === 0) return null;
  return (
    <div className="banner banner-warning url-notices" role="status">
      <div className="banner-body">
        <strong>Parts of this link were ignored.</strong>
        <ul>
          {notices.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={() => setNotices([])}
        aria-label="Dismiss notice"
      >
        Dismiss
      </button>
    </div>
  );
}
