// Small typed readers for the custom-user JSON. Each names the exact path of
// a bad value (`override_accounts[0].transactions[3].amount must be a number`)
// so a tester can fix a 50 KB config without guessing.

import { isIsoDate } from '../calendar.js';

/**
 * Thrown by the readers and caught once, in `parseCustomUserConfig`, which
 * turns it into an `INVALID_FIELD` value. Validation stops at the first problem.
 */
export class ConfigProblem extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Null means absent. A structure whose contents were all null is absent too,
 * so Plaid's blank template (every leaf null) reads as `{}`. A literally empty
 * `{}` or `[]` written by hand is kept: it was not made empty by nulls.
 */
export function stripNulls(value: Json): Json | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    const kept = value.map(stripNulls).filter((v): v is Json => v !== undefined);
    return kept.length === 0 && value.length > 0 ? undefined : kept;
  }
  if (isJsonObject(value)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, stripNulls(v)] as const)
      .filter((e): e is readonly [string, Json] => e[1] !== undefined);
    if (entries.length === 0 && Object.keys(value).length > 0) return undefined;
    return Object.fromEntries(entries);
  }
  return value;
}

/** Reads the fields of one JSON object, rejecting keys the schema does not have. */
export class ObjectReader {
  constructor(
    readonly value: JsonObject,
    readonly path: string,
    allowedKeys: readonly string[],
  ) {
    for (const key of Object.keys(value)) {
      if (!allowedKeys.includes(key)) throw new ConfigProblem(join(path, key), 'is not a recognized field');
    }
  }

  static of(value: Json | undefined, path: string, allowedKeys: readonly string[]): ObjectReader | null {
    if (value === undefined) return null;
    if (!isJsonObject(value)) throw new ConfigProblem(path, 'must be an object');
    return new ObjectReader(value, path, allowedKeys);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  at(key: string): string {
    return join(this.path, key);
  }

  raw(key: string): Json | undefined {
    return this.value[key];
  }

  required<T>(key: string, read: (r: ObjectReader, key: string) => T | null): T {
    const v = read(this, key);
    if (v === null) throw new ConfigProblem(this.at(key), 'is required');
    return v;
  }

  string(key: string): string | null {
    const v = this.value[key];
    if (v === undefined) return null;
    if (typeof v !== 'string') throw new ConfigProblem(this.at(key), 'must be a string');
    return v;
  }

  nonEmptyString(key: string): string | null {
    const v = this.string(key);
    if (v !== null && v.trim() === '') throw new ConfigProblem(this.at(key), 'must not be empty');
    return v;
  }

  number(key: string): number | null {
    const v = this.value[key];
    if (v === undefined) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ConfigProblem(this.at(key), 'must be a number');
    return v;
  }

  /** A money amount with at most two decimal places, returned as integer cents. */
  cents(key: string, { min }: { min?: number } = {}): number | null {
    const v = this.number(key);
    if (v === null) return null;
    const cents = Math.round(v * 100);
    if (Math.abs(v * 100 - cents) > 1e-6) throw new ConfigProblem(this.at(key), 'must have at most 2 decimal places');
    if (Math.abs(v) > 1e12) throw new ConfigProblem(this.at(key), 'is too large');
    if (min !== undefined && v < min) throw new ConfigProblem(this.at(key), `must be at least ${min}`);
    return cents;
  }

  integer(key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
    const v = this.number(key);
    if (v === null) return null;
    if (!Number.isInteger(v) || v < min || v > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
      throw new ConfigProblem(this.at(key), `must be an integer ${range}`);
    }
    return v;
  }

  boolean(key: string): boolean | null {
    const v = this.value[key];
    if (v === undefined) return null;
    if (typeof v !== 'boolean') throw new ConfigProblem(this.at(key), 'must be a boolean');
    return v;
  }

  date(key: string): string | null {
    const v = this.string(key);
    if (v !== null && !isIsoDate(v)) throw new ConfigProblem(this.at(key), 'must be a date in YYYY-MM-DD format');
    return v;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | null {
    const v = this.value[key];
    if (v === undefined) return null;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      throw new ConfigProblem(this.at(key), `must be one of: ${allowed.join(', ')}`);
    }
    return v as T;
  }

  object(key: string, allowedKeys: readonly string[]): ObjectReader | null {
    return ObjectReader.of(this.value[key], this.at(key), allowedKeys);
  }

  /** Items of an array field, each with its own path. */
  array(key: string, { max }: { max?: number } = {}): { value: Json; path: string }[] {
    const v = this.value[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new ConfigProblem(this.at(key), 'must be an array');
    if (max !== undefined && v.length > max) throw new ConfigProblem(this.at(key), `must have at most ${max} items`);
    return v.map((item, i) => ({ value: item, path: join(this.at(key), i) }));
  }

  /** Rejects an object that sets `a` without `b` or the reverse (paired numbers). */
  pair(a: string, b: string): void {
    if (this.has(a) !== this.has(b)) {
      const [set, missing] = this.has(a) ? [a, b] : [b, a];
      throw new ConfigProblem(this.at(missing), `is required when ${set} is set`);
    }
  }
}

/** A plain JSON object kept as given (wire snake_case), e.g. a liability or holding. */
export function keepObject(reader: ObjectReader): Record<string, unknown> {
  return structuredClone(reader.value);
}
