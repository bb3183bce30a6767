// Fixed-window request counting per API client, on the server clock (so a
// moved clock resets windows as real time would). In-process: with several
// server processes each enforces the limit on its own share.
import type { Clock } from '../clock.js';

export function rateLimiter(clock: Clock, limit: number, windowMs: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one request; false when the client is over its limit in this window. */
    take(clientId: string): boolean {
      const now = clock.nowMs();
      const current = windows.get(clientId);
      if (!current || now - current.start >= windowMs) {
        windows.set(clientId, { start: now, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= limit;
    },
  };
}
