import type { AnyRouter } from '@tanstack/react-router';
import { signInPath } from '../auth/safe-redirect';
import { writeTypedFilters } from '../sessions/filters/typed-filters';

/**
 * A sessions request answered 401 (the sign-in cookie expired): to sign-in, with the view to come
 * back to, including text typed in a filter that has not reached the URL yet. Written first, and
 * flushed to the browser as an entry of its own (the history batches changes to the next microtask),
 * so that the browser's history and the router's agree on the entry before sign-in; the history's
 * location has it at once, the router's state only later.
 *
 * Several requests can answer 401 before sign-in is shown: the later ones add no entry, but replace
 * sign-in's with itself. That makes the router follow it where it had not: a 401 during a cold load
 * comes before the app is rendered, and that first push has been seen (in the browser tests) not to
 * be followed until the history changed again.
 */
export function sendToSignIn(router: AnyRouter): void {
  writeTypedFilters();
  router.history.flush();
  if (router.state.location.pathname === '/sign-in') return;
  const { pathname, href } = router.history.location;
  if (pathname === '/sign-in') router.history.replace(href);
  else router.history.push(signInPath(href));
}
