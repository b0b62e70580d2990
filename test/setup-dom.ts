import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { server } from './msw-server';

// Two cores run many test files at once: give async queries room before calling a wait a failure.
configure({ asyncUtilTimeout: 5000 });

// jsdom lays nothing out: give every element a viewport-sized box so virtual-core renders rows.
Object.defineProperties(HTMLElement.prototype, {
  clientWidth: { configurable: true, get: () => 1200 },
  clientHeight: { configurable: true, get: () => 800 },
});
// TanStack Router scrolls on navigation; jsdom has no scrollTo.
window.scrollTo = () => {};
Element.prototype.scrollTo = function () {};
Element.prototype.scrollIntoView = function () {};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
});
afterAll(() => server.close());
