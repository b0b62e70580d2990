import { describe, expect, it } from 'vitest';
import { createViewAnchorStore } from './view-anchor-store';

const at = (search: string) => ({ pathname: '/', search });

describe('the view anchor store', () => {
  it('anchors a new view when its address is shown, and keeps the previous view its own anchor', () => {
    let now = 1_000;
    const store = createViewAnchorStore(() => now);
    store.report(at('?from=1'));
    expect(store.get()).toBe(1_000);
    now = 2_000;
    store.report(at('?from=15'));
    expect(store.get()).toBe(2_000);
    // The screen may draw the previous view once more before the router shows the new one.
    expect(store.anchorOf('from=1')).toBe(1_000);
    expect(store.anchorOf('from=15')).toBe(2_000);
    // Back to it: anchored anew.
    now = 3_000;
    store.report(at('?from=1'));
    expect(store.anchorOf('from=1')).toBe(3_000);
    expect(store.anchorOf('from=15')).toBe(2_000);
  });

  it('moves the view shown to now when re-anchored, and keeps its anchor when a session opens', () => {
    let now = 1_000;
    const store = createViewAnchorStore(() => now);
    store.report(at('?from=1'));
    now = 2_000;
    store.report(at('?from=1&session=abc'));
    expect(store.anchorOf('from=1')).toBe(1_000);
    store.reanchor();
    expect(store.anchorOf('from=1')).toBe(2_000);
  });
});
