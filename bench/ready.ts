// The "ready" figure: when a page's first data rows are painted and its main thread is free to
// answer a click, a key or a scroll. The same reading an outside benchmark makes from a trace.

export interface LongTask {
  /** performance.now() time the task began, in the page's time origin. */
  start: number;
  duration: number;
}

/** A task longer than this holds input back visibly (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;
/** How long the main thread must stay free of long tasks after the time reached. */
export const QUIET_MS = 500;

/**
 * Ready: from `painted` (the first data rows painted), the end of the last task over 50 ms that
 * starts within 500 ms of the time reached so far, repeated until a 500 ms stretch has none. A task
 * still running at `painted` counts as well (it holds the page just the same). Shorter tasks in
 * `tasks` are ignored, so a trace's whole task list can be passed.
 */
export function readyAt(painted: number, tasks: readonly LongTask[], quietMs = QUIET_MS): number {
  const long = tasks.filter((t) => t.duration > LONG_TASK_MS).sort((a, b) => a.start - b.start);
  let reached = painted;
  for (const task of long) {
    // Sorted by start: once one starts past the window, every later one does too.
    if (task.start > reached + quietMs) break;
    reached = Math.max(reached, task.start + task.duration);
  }
  return reached;
}

/**
 * Whether `readyAt` can no longer move: `now` is past the quiet stretch after it. `now` and the tasks
 * must be read together on the page's main thread, where every task begun earlier has ended and been
 * reported.
 */
export const readySettled = (ready: number, now: number, quietMs = QUIET_MS) => now > ready + quietMs;
