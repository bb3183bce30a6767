// Integer-cents arithmetic. Amounts arrive and leave as decimal numbers with at
// most two places; everything in between is summed as integers so that totals
// are exact.

/** Converts a decimal currency amount (e.g. -1077.93) to integer cents. */
export function toCents(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`not a finite amount: ${amount}`);
  return Math.round(amount * 100);
}

/** Converts integer cents back to a decimal amount with two places. */
export function fromCents(cents: number): number {
  return Math.round(cents) / 100;
}

/** Sum of integer cents. */
export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Mean of integer cents, rounded half away from zero to whole cents (Plaid reports averages to 2 dp). */
export function meanCents(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = sumCents(values) / values.length;
  return Math.sign(mean) * Math.round(Math.abs(mean));
}
