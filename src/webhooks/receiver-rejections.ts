// Plaid stops retrying to a receiver that rejected more than 90% of its
// webhooks in the last 24 hours (brief §E.2). Each attempt's outcome is
// counted per receiver URL in hourly buckets on the server clock; a failed
// attempt is not retried while the URL's share of failed attempts over the
// last 24 hours is above the cut-off. A minimum number of attempts keeps one
// early failure from ending a webhook's retries. The counts live in memory:
// a restart, or another process on PostgreSQL, starts from its own counts.

const HOUR_MS = 60 * 60 * 1000;
const WINDOW_HOURS = 24;

export interface ReceiverRejectionPolicy {
  /** Share of failed attempts above which retries stop (Plaid: 0.9). */
  cutOff: number;
  /** Fewest attempts in the window before the cut-off applies. */
  minimumAttempts: number;
  /** Receivers tracked at most; the least recently used are forgotten. */
  maxReceivers: number;
}

export const PLAID_REJECTION_POLICY: ReceiverRejectionPolicy = { cutOff: 0.9, minimumAttempts: 10, maxReceivers: 10_000 };

interface HourCount {
  hour: number;
  attempts: number;
  failed: number;
}

export interface ReceiverRejections {
  /** Counts one attempt's outcome. */
  count(url: string, delivered: boolean, nowMs: number): void;
  /** True when the receiver's failed share over the last 24 hours is above the cut-off. */
  stopsRetries(url: string, nowMs: number): boolean;
}

export function receiverRejections(policy: ReceiverRejectionPolicy = PLAID_REJECTION_POLICY): ReceiverRejections {
  const receivers = new Map<string, HourCount[]>();

  /** The receiver's hours still in the window, now its most recently used entry. */
  function recent(url: string, nowMs: number): HourCount[] {
    const oldest = Math.floor(nowMs / HOUR_MS) - WINDOW_HOURS + 1;
    let hours = receivers.get(url) ?? [];
    // Buckets are in hour order: only an hour that left the window needs a new array.
    if (hours.length > 0 && hours[0].hour < oldest) hours = hours.filter((h) => h.hour >= oldest);
    receivers.delete(url);
    receivers.set(url, hours);
    if (receivers.size > policy.maxReceivers) receivers.delete(receivers.keys().next().value!);
    return hours;
  }

  return {
    count(url, delivered, nowMs) {
      const hours = recent(url, nowMs);
      const hour = Math.floor(nowMs / HOUR_MS);
      let current = hours[hours.length - 1];
      if (!current || current.hour !== hour) hours.push((current = { hour, attempts: 0, failed: 0 }));
      current.attempts += 1;
      if (!delivered) current.failed += 1;
    },
    stopsRetries(url, nowMs) {
      if (!receivers.has(url)) return false;
      let attempts = 0;
      let failed = 0;
      for (const h of recent(url, nowMs)) {
        attempts += h.attempts;
        failed += h.failed;
      }
      return attempts >= policy.minimumAttempts && failed / attempts > policy.cutOff;
    },
  };
}
