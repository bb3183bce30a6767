// Seeded randomness for sandbox data. Every generator is derived from a
// string seed, so the same seed always yields the same Item. `fork(label)`
// gives each stream (payroll, groceries, …) its own sequence: adding a stream
// to a persona never reshuffles the others.

import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import type { RandomGenerator } from 'pure-rand';

/** 32-bit FNV-1a with a final avalanche, enough to spread similar seeds apart. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export class SeededRandom {
  private readonly generator: RandomGenerator;

  constructor(readonly seed: string) {
    this.generator = xoroshiro128plus(hashSeed(seed));
  }

  /** An independent generator for one named stream. */
  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.seed}/${label}`);
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return unsafeUniformIntDistribution(min, max, this.generator);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.int(0, 999_999) < p * 1_000_000;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** Cents drawn uniformly between two dollar amounts. */
  dollars(min: number, max: number): number {
    return this.int(Math.round(min * 100), Math.round(max * 100));
  }

  /** `cents` varied by up to ±`fraction` of itself, rounded to whole cents. */
  around(cents: number, fraction: number): number {
    const spread = Math.round(Math.abs(cents) * fraction);
    return cents + this.int(-spread, spread);
  }

  /** A string of `length` decimal digits (account numbers, reference ids). */
  digits(length: number): string {
    let out = String(this.int(1, 9));
    while (out.length < length) out += String(this.int(0, 9));
    return out;
  }
}
