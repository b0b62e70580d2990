/**
 * Hands `deliver` the latest value pushed, at most once every `ms`: progress shown a few times a
 * second instead of at every step. `stop` drops a value still waiting (the work is over, or given up).
 */
export function latestEvery<T>(ms: number, deliver: (value: T) => void) {
  let latest: T | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    push: (value: T) => {
      latest = value;
      timer ??= setTimeout(() => {
        timer = undefined;
        deliver(latest as T);
      }, ms);
    },
    stop: () => clearTimeout(timer),
  };
}
