// The server's one clock. Reports, expiry, tokens and webhooks read time only
// through a Clock handed to them, so tests and integrators can fix or move it.

export interface Clock {
  /** Milliseconds since the Unix epoch, on the server's (possibly simulated) time line. */
  nowMs(): number;
}

/** A clock that can be moved forward: the sandbox's time travel. */
export interface MovableClock extends Clock {
  advance(ms: number): void;
}

/** Current instant of a clock as a Date. */
export function now(clock: Clock): Date {
  return new Date(clock.nowMs());
}

/** A clock frozen at one instant, moved only by advance(). */
export function fixedClock(startMs: number): MovableClock {
  let current = startMs;
  return {
    nowMs: () => current,
    advance(ms: number) {
      current += ms;
    },
  };
}

/**
 * Real time shifted: starts at `startMs` (or real time when null) and runs
 * forward with the real clock; advance() moves it further. The real time
 * source is passed in so that only the composition root touches Date.now.
 */
export function simulatedClock(realNowMs: () => number, startMs: number | null): SimulatedClock {
  const realStart = realNowMs();
  let offsetMs = startMs === null ? 0 : startMs - realStart;
  return {
    nowMs: () => realNowMs() + offsetMs,
    advance(ms: number) {
      offsetMs += ms;
    },
    offsetMs: () => offsetMs,
    setOffsetMs(ms: number) {
      offsetMs = ms;
    },
  };
}

export interface SimulatedClock extends MovableClock {
  offsetMs(): number;
  setOffsetMs(ms: number): void;
}
