import { useEffect, useState } from 'react';
import { useCore } from '../stores/core-store';

/** The core's "now" (the marketplace's time, which windows and SLAs are counted on), read outside React. */
export function coreNow(): number {
  return Date.now() + useCore.getState().clockOffsetMs;
}

/** The core's current time, moving every `everyMs` (SLA countdowns, whether a window has closed). */
export function useNow(everyMs = 30_000): number {
  const offset = useCore((s) => s.clockOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + offset;
}
