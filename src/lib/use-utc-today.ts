import { useEffect, useState } from 'react';
import { toUtcDay } from './utc-days';

/** The current UTC day, `YYYY-MM-DD`; re-renders when the UTC date changes. */
export function useUtcToday(): string {
  const [today, setToday] = useState(() => toUtcDay(Date.now()));
  useEffect(() => {
    const now = Date.now();
    const msToMidnight = 86_400_000 - (now % 86_400_000) + 50;
    const timer = setTimeout(() => setToday(toUtcDay(Date.now())), msToMidnight);
    return () => clearTimeout(timer);
  }, [today]);
  return today;
}
