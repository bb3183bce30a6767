// The embedded queue: a jobs table drained by an in-process worker. SQLite
// has one writer, so one server process owns the queue; jobs left active by a
// crash are taken up again at start.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { newOpaqueId } from '../identifiers.js';
import type { Database } from '../store/schema.js';
import { backoffMs, type Job, type JobHandler, type JobQueue, type JobToEnqueue } from './job-queue.js';

interface Registration {
  handler: JobHandler;
  concurrency: number;
  running: number;
}

export interface TableJobQueueOptions {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  random: () => number;
  /** How often an idle worker looks for due jobs (scheduled retries). */
  pollIntervalMs?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function tableJobQueue(options: TableJobQueueOptions): JobQueue {
  const { db, clock, log, random } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 50;
  const registrations = new Map<string, Registration>();
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let wake: (() => void) | null = null;
  // Queues that may have due jobs. A claim that comes back short clears its
  // queue; notify() and the idle poll (which finds scheduled retries) set all.
  // Without this every finished job would re-query every queue.
  const dirty = new Set<string>();
  const markAllDirty = () => {
    for (const queue of registrations.keys()) dirty.add(queue);
  };
  let loop: Promise<void> | null = null;

  async function claim(queue: string, limit: number): Promise<Job[]> {
    const nowIso = iso(clock.nowMs());
    const rows = await db
      .updateTable('jobs')
      .set((eb) => ({ state: 'active', attempts: eb('attempts', '+', 1), updated_at: nowIso }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('state', '=', 'pending')
          .where('queue', '=', queue)
          .where('run_at', '<=', nowIso)
          .orderBy('run_at')
          .limit(limit),
      )
      .returning(['id', 'queue', 'payload', 'attempts'])
      .execute();
    return rows.map((r) => ({ id: r.id, queue: r.queue, payload: JSON.parse(r.payload), attempt: Number(r.attempts) }));
  }

  async function finish(job: Job, outcome: void | { retryAt: string }, error: unknown): Promise<void> {
    const nowIso = iso(clock.nowMs());
    if (error === undefined && !outcome) {
      await db.deleteFrom('jobs').where('id', '=', job.id).execute();
      return;
    }
    if (error === undefined && outcome) {
      // A rescheduled job keeps its attempt count for the handler's own schedule.
      await db.updateTable('jobs').set({ state: 'pending', run_at: outcome.retryAt, updated_at: nowIso }).where('id', '=', job.id).execute();
      return;
    }
    const row = await db.selectFrom('jobs').select(['max_attempts']).where('id', '=', job.id).executeTakeFirst();
    const message = error instanceof Error ? error.message : String(error);
    if (!row || job.attempt >= Number(row.max_attempts)) {
      await db.updateTable('jobs').set({ state: 'failed', last_error: message, updated_at: nowIso }).where('id', '=', job.id).execute();
      log.error({ job_id: job.id, queue: job.queue, err: error }, 'job failed permanently');
      return;
    }
    const runAt = iso(clock.nowMs() + backoffMs(job.attempt, random));
    await db.updateTable('jobs').set({ state: 'pending', run_at: runAt, last_error: message, updated_at: nowIso }).where('id', '=', job.id).execute();
    log.warn({ job_id: job.id, queue: job.queue, attempt: job.attempt, err: error }, 'job failed; will retry');
  }

  function run(registration: Registration, job: Job): void {
    registration.running += 1;
    const task = (async () => {
      let outcome: void | { retryAt: string } = undefined;
      let error: unknown = undefined;
      try {
        outcome = await registration.handler(job);
      } catch (caught) {
        error = caught ?? new Error('job handler threw');
      }
      try {
        await finish(job, outcome, error);
      } catch (finishError) {
        log.error({ job_id: job.id, err: finishError }, 'could not record job outcome');
      }
    })().finally(() => {
      registration.running -= 1;
      inFlight.delete(task);
      wake?.();
    });
    inFlight.add(task);
  }

  async function drain(): Promise<void> {
    while (running) {
      let claimed = 0;
      for (const [queue, registration] of registrations) {
        const free = registration.concurrency - registration.running;
        if (free <= 0 || !dirty.has(queue)) continue;
        try {
          const jobs = await claim(queue, free);
          if (jobs.length < free) dirty.delete(queue);
          claimed += jobs.length;
          for (const job of jobs) run(registration, job);
        } catch (error) {
          if (!running) return;
          log.error({ err: error, queue }, 'could not claim jobs');
        }
      }
      if (claimed > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          markAllDirty();
          resolve();
        }, pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          wake = null;
          resolve();
        };
      });
    }
  }

  return {
    async enqueue(trx, job: JobToEnqueue) {
      const id = newOpaqueId();
      const nowIso = iso(clock.nowMs());
      await trx
        .insertInto('jobs')
        .values({
          id,
          queue: job.queue,
          payload: JSON.stringify(job.payload),
          state: 'pending',
          attempts: 0,
          max_attempts: job.maxAttempts ?? 5,
          run_at: job.runAt ?? nowIso,
          locked_until: null,
          last_error: null,
          created_at: nowIso,
          updated_at: nowIso,
        })
        .execute();
      return id;
    },
    register(queue, handler, opts) {
      registrations.set(queue, { handler, concurrency: opts?.concurrency ?? 4, running: 0 });
    },
    notify() {
      markAllDirty();
      wake?.();
    },
    async start() {
      if (running) return;
      // Whatever was active when the process last stopped never finished.
      await db.updateTable('jobs').set({ state: 'pending' }).where('state', '=', 'active').execute();
      running = true;
      markAllDirty();
      loop = drain();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
