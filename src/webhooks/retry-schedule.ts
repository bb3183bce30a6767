// When a failed webhook is tried again (brief §E.2): Plaid waits 30 s, then
// four times longer after each failure (30 s, 2 m, 8 m, 32 m, ~2.1 h, ~8.5 h)
// and gives up after 24 h. We add ±20 % jitter so that a receiver coming back
// from an outage is not hit by every pending webhook in the same second.
// Pure: times and randomness come in as arguments.

export interface RetryPolicy {
  /** Delay before the first retry; Plaid: 30 s. */
  firstRetryDelayMs: number;
  /** Growth per failure; Plaid: 4. */
  factor: number;
  /** No attempt is scheduled later than this after the webhook was recorded; Plaid: 24 h. */
  horizonMs: number;
  /** Relative jitter, 0.2 = uniformly within ±20 %. */
  jitter: number;
}

export const PLAID_RETRY_POLICY: RetryPolicy = { firstRetryDelayMs: 30_000, factor: 4, horizonMs: 24 * 60 * 60 * 1000, jitter: 0.2 };

/** Delay after the n-th failed attempt (n ≥ 1), jittered. */
export function retryDelayMs(policy: RetryPolicy, failedAttempts: number, random: () => number): number {
  const base = policy.firstRetryDelayMs * policy.factor ** Math.max(0, failedAttempts - 1);
  return Math.round(base * (1 - policy.jitter + 2 * policy.jitter * random()));
}

/**
 * When to try again after `failedAttempts` failures, or null when the next
 * attempt would fall beyond the horizon (the webhook is then failed).
 */
export function nextAttemptAtMs(
  policy: RetryPolicy,
  input: { createdAtMs: number; nowMs: number; failedAttempts: number },
  random: () => number,
): number | null {
  const at = input.nowMs + retryDelayMs(policy, input.failedAttempts, random);
  return at <= input.createdAtMs + policy.horizonMs ? at : null;
}
