import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestEvery } from './latest-every';

afterEach(() => {
  vi.useRealTimers();
});

describe('latestEvery', () => {
  it('hands over the latest value at most once a period, and nothing once stopped', () => {
    vi.useFakeTimers();
    const seen: number[] = [];
    const progress = latestEvery(150, (n: number) => seen.push(n));
    progress.push(1);
    progress.push(2);
    vi.advanceTimersByTime(149);
    expect(seen).toEqual([]);
    progress.push(3);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([3]);
    progress.push(4);
    progress.stop();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([3]);
  });
});
