// The durable job queue port. Jobs are enqueued inside the caller's database
// transaction, so a job exists if and only if the state change that caused
// it committed. Two adapters: a jobs table drained in-process (SQLite) and
// pg-boss (PostgreSQL, shared by several server processes).
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface JobToEnqueue {
  queue: string;
  payload: Record<string, unknown>;
  /** ISO instant on the server clock; default now. */
  runAt?: string;
  /** Attempts before the job is marked failed when its handler throws. Default 5. */
  maxAttempts?: number;
}

export interface Job {
  id: string;
  queue: string;
  payload: Record<string, any>;
  /** 1 for the first run. */
  attempt: number;
}

/**
 * A handler finishes a job by returning; it asks for a later run by returning
 * `{ retryAt }` (the webhook retry schedule does this) and gets capped,
 * jittered backoff by throwing.
 */
export type JobHandler = (job: Job) => Promise<void | { retryAt: string }>;

export interface JobQueue {
  enqueue(db: Kysely<Database>, job: JobToEnqueue): Promise<string>;
  register(queue: string, handler: JobHandler, options?: { concurrency?: number }): void;
  /** Wakes idle workers, e.g. after the enqueuing transaction committed. */
  notify(): void;
  start(): Promise<void>;
  /** Stops taking jobs and waits for running handlers to finish. */
  stop(): Promise<void>;
}

/** Backoff after a thrown error: 1 s doubling, capped at 5 min, with full jitter. */
export function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
