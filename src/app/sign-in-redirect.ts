import type { AnyRouter } from '@tanstack/react-router';
import { signInPath } from '../auth/safe-redirect';
import { writeTypedFilters } from '../sessions/filters/typed-filters';

/**
 * A sessions request answered 401 (the sign-in cookie expired): to sign-in, with the view to come
 * back to, including text typed in a filter that has not reached the URL yet (the history has it as
 * soon as it is written; the router's state follows later).
 *
 * Whether sign-in is shown yet is the router's state, not the history's: a 401 during a cold load
 * comes before the app is rendered and listens to the history, so that first push is not followed;
 * the app's own request for page 0 once rendered answers 401 again and pushes sign-in again, which
 * it follows.
 */
export function sendToSignIn(router: AnyRouter): void {
  writeTypedFilters();
  if (router.state.location.pathname === '/sign-in') return;
  router.history.push(signInPath(router.history.location.href));
}
