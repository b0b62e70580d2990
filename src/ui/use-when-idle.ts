import { useEffect, useState } from 'react';

/**
 * False until the browser is first idle (at the latest after `timeoutMs`): for what can wait until
 * the first screen is drawn, such as a lazy chunk and the request it makes.
 */
export function useWhenIdle(timeoutMs = 2000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(() => setIdle(true), Math.min(timeoutMs, 200));
    return () => clearTimeout(id);
  }, [timeoutMs]);
  return idle;
}
