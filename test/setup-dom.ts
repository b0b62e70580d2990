import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { server } from './msw-server';
import { FACTORY_NOW } from './session-factory';

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

// The fake data is dated around FACTORY_NOW, and the app asks for days relative to "today": start
// every test at that instant, with the clock running (only Date is faked; timers stay real).
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(FACTORY_NOW);
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  server.resetHandlers();
  localStorage.clear();
});
afterAll(() => server.close());
