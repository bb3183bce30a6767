// An in-process cache of the rows every report read looks up (the user, and
// the user's latest report), kept only where this process is the database's
// one writer: the embedded SQLite store. There every write goes through this
// process's repositories, which drop the entries a write touches; with
// PostgreSQL other server processes write too, so no cache is kept.
//
// Correctness rests on two rules:
// - reads inside a transaction neither use nor fill the cache (they may see
//   uncommitted rows that a rollback would take back);
// - a read fills the cache only if no write touched any entry since it began
//   (the epoch), so a slow read never stores a row older than a newer write.

import type { ReportRecord } from './repositories/reports.js';
import type { UserRecord } from './repositories/users.js';

const MAX_ENTRIES = 20_000;

export interface ReadCache<V> {
  /** The cached value, or undefined when there is none (null is a cached "no row"). */
  get(key: string): V | undefined;
  /** Call before reading from the database; pass the result to `fill`. */
  epoch(): number;
  fill(key: string, value: V, epochAtRead: number): void;
  /** Every write that may change `key` calls this (before or inside its transaction). */
  invalidate(key: string): void;
  invalidateAll(): void;
}

export function readCache<V>(maxEntries = MAX_ENTRIES): ReadCache<V> {
  const entries = new Map<string, V>();
  let writes = 0;
  return {
    get: (key) => entries.get(key),
    epoch: () => writes,
    fill(key, value, epochAtRead) {
      if (epochAtRead !== writes) return;
      entries.delete(key);
      entries.set(key, value);
      // Map keeps insertion order: the first key is the least recently filled.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    invalidate(key) {
      writes += 1;
      entries.delete(key);
    },
    invalidateAll() {
      writes += 1;
      entries.clear();
    },
  };
}

/** The caches one store keeps, keyed by `userKey`; null where the store is shared with other processes. */
export interface StoreReadCaches {
  users: ReadCache<UserRecord | null>;
  /** The user's most recently created report. */
  latestReport: ReadCache<ReportRecord | null>;
  /** The user's most recently created report that became ready. */
  latestReadyReport: ReadCache<ReportRecord | null>;
}

export function storeReadCaches(): StoreReadCaches {
  return { users: readCache(), latestReport: readCache(), latestReadyReport: readCache() };
}

/** Reads through `cache` unless the handle is a transaction (see the rules above). */
export async function cachedRead<V>(cache: ReadCache<V> | null, inTransaction: boolean, key: string, read: () => Promise<V>): Promise<V> {
  if (!cache || inTransaction) return read();
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const epoch = cache.epoch();
  const value = await read();
  cache.fill(key, value, epoch);
  return value;
}

export const userKey = (clientId: string, userId: string): string => `${clientId}\u0000${userId}`;
