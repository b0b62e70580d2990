import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readyAt, readySettled, type LongTask } from './ready';

const task = (start: number, duration: number): LongTask => ({ start, duration });

describe('readyAt', () => {
  it('is the first paint when no long task follows it', () => {
    expect(readyAt(400, [])).toBe(400);
    expect(readyAt(400, [task(100, 80), task(950, 200)])).toBe(400);
  });

  it('moves to the end of a long task starting within 500 ms, and again from there', () => {
    // 400 -> 560 (a task at 500), -> 1100 (one at 1000, within 500 of 560), then none by 1600.
    const tasks = [task(500, 60), task(1000, 100), task(1601, 300)];
    expect(readyAt(400, tasks)).toBe(1100);
  });

  it('takes the end of the last task in the window, not the first', () => {
    expect(readyAt(0, [task(100, 60), task(300, 90), task(700, 70)])).toBe(770);
  });

  it('counts a task starting exactly 500 ms on, not one just after', () => {
    expect(readyAt(100, [task(600, 51)])).toBe(651);
    expect(readyAt(100, [task(600.5, 51)])).toBe(100);
  });

  it('counts a task still running at the first paint, not one over before it', () => {
    expect(readyAt(300, [task(250, 120)])).toBe(370);
    expect(readyAt(300, [task(100, 120)])).toBe(300);
  });

  it('ignores tasks of 50 ms or less, and the order they are listed in', () => {
    expect(readyAt(0, [task(100, 50), task(200, 10)])).toBe(0);
    expect(readyAt(0, [task(700, 60), task(300, 60), task(100, 60)])).toBe(760);
  });

  it('leaves no long task starting in the 500 ms after it, and is the paint or a task end', () => {
    const tasks = fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 5000 }), duration: fc.integer({ min: 1, max: 400 }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), tasks, (painted, list) => {
        const ready = readyAt(painted, list);
        const long = list.filter((t) => t.duration > 50);
        expect(ready).toBeGreaterThanOrEqual(painted);
        expect(long.filter((t) => t.start > ready && t.start <= ready + 500)).toEqual([]);
        expect(long.filter((t) => t.start < ready && t.start + t.duration > ready)).toEqual([]);
        expect(ready === painted || long.some((t) => t.start + t.duration === ready)).toBe(true);
      }),
    );
  });
});

describe('readySettled', () => {
  it('waits out the whole quiet stretch', () => {
    expect(readySettled(1000, 1500)).toBe(false);
    expect(readySettled(1000, 1501)).toBe(true);
  });
});
