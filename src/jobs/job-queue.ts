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
 * What a handler returns. Nothing, or an outcome without `retryAt`, finishes
 * the job; `retryAt` asks for a later run (the webhook retry schedule does
 * this). A handler gets capped, jittered backoff by throwing.
 *
 * `record` holds the writes that belong with the outcome (a webhook attempt,
 * say): the queue runs them in the transaction that finishes or reschedules
 * the job, so they commit exactly when the job's outcome does, and a crash
 * before that commit runs the job again. If `record` throws, the outcome is
 * dropped and the job counts as having thrown. The table queue commits the
 * outcomes of jobs that finish together in one transaction, so `record` may
 * run more than once (rolled back, then alone) and must only write through
 * `trx`.
 */
export interface JobOutcome {
  retryAt?: string;
  record?: (trx: Kysely<Database>) => Promise<void>;
}

export type JobHandler = (job: Job) => Promise<void | JobOutcome>;

export interface RegisterOptions {
  /** Jobs of this queue run at once, at most. Default 4. */
  concurrency?: number;
  /**
   * Commit this queue's outcomes at the next turn of the event loop instead of
   * waiting to group them with others (table queue). For jobs that cost
   * milliseconds of CPU each, whose outcome someone is waiting for: an extra
   * commit is cheap next to the job, and the wait would idle the worker.
   */
  commitPromptly?: boolean;
}

export interface JobQueue {
  enqueue(db: Kysely<Database>, job: JobToEnqueue): Promise<string>;
  register(queue: string, handler: JobHandler, options?: RegisterOptions): void;
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
