import { useCallback } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { SessionSearch } from './session-search';

/** The validated view of the sessions route (`/`). */
export function useSessionSearch(): SessionSearch {
  return useSearch({ from: '/' });
}

export interface UpdateOptions {
  /** Replace the history entry (while typing) instead of pushing one (a settled change). */
  replace?: boolean;
}

/**
 * Changes the view. Every filter change goes through here, so it lands in the URL: Back steps
 * through settled changes, and a reload or a pasted link restores the same view.
 */
export function useUpdateSessionSearch() {
  const navigate = useNavigate();
  return useCallback(
    (update: (search: SessionSearch) => SessionSearch, options: UpdateOptions = {}) =>
      navigate({ to: '/', search: (prev) => update(prev), replace: options.replace ?? false }),
    [navigate],
  );
}
