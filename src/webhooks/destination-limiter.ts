// Per-destination concurrency, so that a slow or dead receiver never holds up
// deliveries to other receivers.
//
// The job queue claims due jobs without knowing where they go, so the limit
// lives in the delivery handler, and a handler waiting here holds one of the
// queue's slots. The rules:
//   - at most `perDestination` requests are in flight to an origin;
//   - a job for a busy origin that completes attempts quickly waits here for a
//     slot; one for an origin with no completed attempt yet waits only while
//     that origin holds fewer than `maxHeldPerDestination` queue slots; one
//     for a slow origin (attempts take `maxWaitMs` or more, or one has been in
//     flight that long) only while fewer than `perDestination` jobs wait; none
//     waits longer than `maxWaitMs`, and none waits for a stuck origin (a
//     request in flight longer than `stuckAfterMs`);
//   - a job that may not wait, or waited in vain, is deferred: the handler
//     gives its queue slot back and asks to run again when the origin is
//     expected to have room (when its oldest stuck request times out, or
//     shortly for a busy one), deferred jobs spaced out at the pace the origin
//     can take them.
// So a receiver that never answers holds at most `maxHeldPerDestination`
// queue slots, and only until it counts as stuck; afterwards it holds
// `perDestination` slots with its stuck requests while its other jobs wait in
// the queue, not in memory. A healthy receiver under a burst keeps its jobs
// waiting here rather than going round the queue, which would cost a claim
// and a write per trip.
//
// In memory and per process: the durable state is the job row; a deferral is
// a reschedule of that row, not an attempt.

export interface DestinationLimiterOptions {
  perDestination: number;
  /** Queue slots (in flight plus waiting) an origin not yet known to answer quickly may hold. */
  maxHeldPerDestination: number;
  /** The longest a job waits for a slot before it is deferred. */
  maxWaitMs: number;
  /** A request may take this long before the deliverer gives up on it. */
  requestTimeoutMs: number;
  /** Monotonic milliseconds (real elapsed time, not the server clock). */
  monotonicMs: () => number;
  random: () => number;
}

export interface DestinationSlot {
  /** Gives the slot back; `latencyMs` (how long the attempt took, whatever its outcome) feeds the origin's estimate. */
  release(latencyMs: number): void;
}

export type SlotDecision = { slot: DestinationSlot } | { deferMs: number };

interface Destination {
  /** Start time of each request in flight, by a per-process sequence number. */
  active: Map<number, number>;
  waiters: Array<{ grant: (slot: DestinationSlot) => void }>;
  /** Exponentially weighted mean duration of completed attempts, or null before the first. */
  latencyMs: number | null;
  /** Monotonic time the last deferred job was scheduled for. */
  deferCursor: number;
}

const MIN_DEFER_MS = 50;
/** Deferred jobs come back at least this often to look again. */
const MAX_DEFER_MS = 60_000;
/** ... and this often when the origin is busy but not stuck. */
const MAX_BUSY_DEFER_MS = 1_000;
/** Assumed duration of an attempt at an origin with no completed attempt yet. */
const UNKNOWN_LATENCY_MS = 10;
/** Idle destinations are forgotten past this many (receivers on random ports come and go). */
const MAX_REMEMBERED = 1000;

export interface DestinationLimiter {
  acquire(origin: string): Promise<SlotDecision>;
  /** Requests in flight per origin (for observability and tests). */
  inFlight(origin: string): number;
}

export function destinationLimiter(options: DestinationLimiterOptions): DestinationLimiter {
  const { perDestination, maxHeldPerDestination, maxWaitMs, requestTimeoutMs, monotonicMs, random } = options;
  // A request older than half the timeout counts as stuck: well clear of cold starts, slow
  // handshakes and a CPU-starved moment, so that overload is not mistaken for a dead receiver.
  const stuckAfterMs = Math.max(maxWaitMs, requestTimeoutMs / 2);
  const destinations = new Map<string, Destination>();
  let sequence = 0;

  function destination(origin: string): Destination {
    let d = destinations.get(origin);
    if (!d) {
      if (destinations.size >= MAX_REMEMBERED) {
        for (const [key, idle] of destinations) if (idle.active.size === 0 && idle.waiters.length === 0) destinations.delete(key);
      }
      d = { active: new Map(), waiters: [], latencyMs: null, deferCursor: 0 };
      destinations.set(origin, d);
    }
    return d;
  }

  function oldestStart(d: Destination): number {
    let oldest = Infinity;
    for (const start of d.active.values()) oldest = Math.min(oldest, start);
    return oldest;
  }

  function slotFor(d: Destination): DestinationSlot {
    const id = sequence++;
    d.active.set(id, monotonicMs());
    let released = false;
    return {
      release(latencyMs) {
        if (released) return;
        released = true;
        d.active.delete(id);
        d.latencyMs = d.latencyMs === null ? latencyMs : 0.7 * d.latencyMs + 0.3 * latencyMs;
        d.waiters.shift()?.grant(slotFor(d));
      },
    };
  }

  const isStuck = (d: Destination, now: number) => now - oldestStart(d) > stuckAfterMs;

  // How long an attempt at this origin takes: the running mean, but at least as long as the
  // request that has been in flight longest (so a receiver that stops answering counts as slow
  // at once, before any attempt of it completes).
  function expectedLatency(d: Destination, now: number): number {
    const oldestAge = d.active.size > 0 ? now - oldestStart(d) : 0;
    return Math.max(d.latencyMs ?? UNKNOWN_LATENCY_MS, oldestAge);
  }

  // Deferred jobs are spread out from when room is expected, one per
  // latency / perDestination, so that a backlog comes back at the pace the
  // origin drains it instead of all at once.
  function deferral(d: Destination, now: number): number {
    const stuck = isStuck(d, now);
    const roomAt = stuck ? oldestStart(d) + requestTimeoutMs : now + MIN_DEFER_MS;
    const perRequest = stuck ? requestTimeoutMs : expectedLatency(d, now);
    // Pacing rests on an estimate; for an origin that still answers, look again within a second
    // rather than trust a moment's slowness for the whole backlog.
    const horizon = stuck ? MAX_DEFER_MS : MAX_BUSY_DEFER_MS;
    d.deferCursor = Math.min(Math.max(d.deferCursor, roomAt), now + horizon) + (perRequest / perDestination) * (0.5 + random());
    return Math.round(Math.min(horizon, Math.max(MIN_DEFER_MS, d.deferCursor - now)));
  }

  return {
    async acquire(origin) {
      const d = destination(origin);
      if (d.active.size < perDestination) return { slot: slotFor(d) };
      const now = monotonicMs();
      if (isStuck(d, now)) return { deferMs: deferral(d, now) };
      const quick = expectedLatency(d, now) < maxWaitMs;
      const mayWait = !quick
        ? d.waiters.length < perDestination
        : d.latencyMs !== null || d.active.size + d.waiters.length < maxHeldPerDestination;
      if (!mayWait) return { deferMs: deferral(d, now) };
      return new Promise<SlotDecision>((resolve) => {
        const waiter = {
          grant: (slot: DestinationSlot) => {
            clearTimeout(timer);
            resolve({ slot });
          },
        };
        const timer = setTimeout(() => {
          const index = d.waiters.indexOf(waiter);
          if (index >= 0) d.waiters.splice(index, 1);
          resolve({ deferMs: deferral(d, monotonicMs()) });
        }, maxWaitMs);
        d.waiters.push(waiter);
      });
    },
    inFlight(origin) {
      return destinations.get(origin)?.active.size ?? 0;
    },
  };
}
