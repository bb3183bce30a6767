// The embedded queue: a jobs table drained by an in-process worker. SQLite
// has one writer, so one server process owns the queue; jobs left active by a
// crash are taken up again at start.
//
// Throughput comes from committing less often: every commit is a WAL write,
// and every statement waits its turn on the one connection. So the outcomes
// of jobs that finish close together (`record` writes, deletes, reschedules)
// are group-committed, at most one group every groupCommitIntervalMs, in a
// transaction that also claims jobs for the free slots; and a claim takes as
// many due jobs as there are free slots. The SQL is written by hand, for
// SQLite: on this path Kysely's query building costs more than SQLite takes
// to run a statement.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { newTimeOrderedId } from '../identifiers.js';
import { runCounting, runStatement } from '../store/raw-statement.js';
import type { Database } from '../store/schema.js';
import { backoffMs, type Job, type JobHandler, type JobOutcome, type JobQueue, type JobToEnqueue } from './job-queue.js';

interface Registration {
  queue: string;
  handler: JobHandler;
  concurrency: number;
  commitPromptly: boolean;
  running: number;
  /** Slots promised to a claim under way, so two claims never fill the same slots. */
  reserved: number;
}

export interface TableJobQueueOptions {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  random: () => number;
  /**
   * Longest an idle worker sleeps before it looks for due jobs again. It wakes
   * sooner on notify(), on an outcome that reschedules a job, and when the
   * earliest scheduled job falls due. Default 1000.
   */
  pollIntervalMs?: number;
  /**
   * Least time between the starts of two group commits of job outcomes. Longer
   * makes bigger groups (fewer commits and claims per job) but records
   * outcomes later; the receiver has its webhook either way. Default 10.
   */
  groupCommitIntervalMs?: number;
}

interface ClaimedJob extends Job {
  maxAttempts: number;
}

/** A job whose handler has returned or thrown, waiting for its outcome to be written. */
interface Finish {
  job: ClaimedJob;
  outcome: void | JobOutcome;
  /** What the handler threw; undefined when it returned. */
  error: unknown;
  /** Called once the outcome is committed (or could not be). */
  done: () => void;
}

/** Jobs claimed for a registration, to start once their claim commits. */
type Claims = Array<{ registration: Registration; jobs: ClaimedJob[]; wanted: number }>;

const iso = (ms: number) => new Date(ms).toISOString();

// A claim reads the due jobs, then takes each by id. SQLite runs
// `update … where id in (…) returning …` several times slower than a lookup
// and one-row updates, and an empty claim (the common case) is a lookup only.
const DUE = `select id, queue, payload, attempts, max_attempts from jobs
  where state = 'pending' and queue = ? and run_at <= ? order by run_at limit ?`;
const TAKE = `update jobs set state = 'active', attempts = attempts + 1, updated_at = ? where id = ? and state = 'pending'`;
const ENQUEUE = `insert into jobs (id, queue, payload, state, attempts, max_attempts, run_at, locked_until, last_error, created_at, updated_at)
  values (?, ?, ?, 'pending', 0, ?, ?, null, null, ?, ?)`;
const FAIL = `update jobs set state = 'failed', last_error = ?, updated_at = ? where id = ?`;
const RETRY_AFTER_ERROR = `update jobs set state = 'pending', run_at = ?, last_error = ?, updated_at = ? where id = ?`;
const RESCHEDULE = `update jobs set state = 'pending', run_at = ?, updated_at = ? where id = ?`;
const finishedJobs = (count: number) => `delete from jobs where id in (${new Array(count).fill('?').join(', ')})`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
// The earliest run_at among pending jobs of the queues named (as many `?` as queues).
const nextRunAt = (queues: number) => `select min(run_at) as next from jobs where state = 'pending' and queue in (${new Array(queues).fill('?').join(', ')})`;
/** How often an idle worker looks again while a due job waits for a slot (or the table could not be read). */
const BLOCKED_RECHECK_MS = 50;

export function tableJobQueue(options: TableJobQueueOptions): JobQueue {
  const { db, clock, log, random } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const groupCommitIntervalMs = options.groupCommitIntervalMs ?? 10;
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
  // A wake-up that came while the worker was not asleep (it was claiming, or reading when to wake).
  let wokenMeanwhile = false;
  // The earliest run_at (server clock) of a job enqueued or rescheduled since the table was last
  // read for it; -Infinity until then, so the first idle worker reads it.
  let earliestScheduledMs = -Infinity;
  let tableReadAtMs = -Infinity;
  const poke = () => {
    if (wake) wake();
    else wokenMeanwhile = true;
  };
  // A job enqueued or rescheduled to run sooner than the worker means to wake: it looks again.
  const scheduledAt = (runAt: string) => {
    const ms = Date.parse(runAt);
    if (!(ms < earliestScheduledMs)) return;
    earliestScheduledMs = ms;
    poke();
  };
  // Outcomes waiting for the next group commit, and whether one is under way.
  let finishing: Finish[] = [];
  let flushing = false;
  let lastFlushAt = -Infinity;
  // The timer of a flush that waits out groupCommitIntervalMs, so a prompt outcome can bring it forward.
  let flushTimer: NodeJS.Timeout | null = null;

  /** Claims up to `limit` due jobs of `queue`; `on` is a transaction, so the reads and takes are one. */
  async function claim(on: Kysely<Database>, queue: string, limit: number): Promise<ClaimedJob[]> {
    const nowIso = iso(clock.nowMs());
    const due = await runStatement<{ id: string; queue: string; payload: string; attempts: number; max_attempts: number }>(on, DUE, [queue, nowIso, limit]);
    const claimed: ClaimedJob[] = [];
    for (const r of due) {
      // Taken only if still pending, so a job is never claimed twice.
      if ((await runCounting(on, TAKE, [nowIso, r.id])) !== 1) continue;
      claimed.push({ id: r.id, queue: r.queue, payload: JSON.parse(r.payload), attempt: Number(r.attempts) + 1, maxAttempts: Number(r.max_attempts) });
    }
    return claimed;
  }

  /** Reserves the free slots of every queue that may have due jobs. */
  function reserveClaims(): Claims {
    const claims: Claims = [];
    if (!running) return claims;
    for (const [queue, registration] of registrations) {
      const free = registration.concurrency - registration.running - registration.reserved;
      if (free <= 0 || !dirty.has(queue)) continue;
      registration.reserved += free;
      claims.push({ registration, jobs: [], wanted: free });
    }
    return claims;
  }

  async function claimAll(on: Kysely<Database>, claims: Claims): Promise<void> {
    for (const entry of claims) entry.jobs = await claim(on, entry.registration.queue, entry.wanted);
  }

  /** Gives the reservations back and, when the claims committed, starts their jobs. */
  function settleClaims(claims: Claims, committed: boolean): number {
    let started = 0;
    for (const { registration, jobs, wanted } of claims) {
      registration.reserved -= wanted;
      if (!committed) continue;
      if (jobs.length < wanted) dirty.delete(registration.queue);
      for (const job of jobs) run(registration, job);
      started += jobs.length;
    }
    return started;
  }

  /** Writes one outcome; returns the id to delete when the job is done. */
  async function writeOutcome(trx: Kysely<Database>, { job, outcome, error }: Finish, nowIso: string): Promise<string | null> {
    if (error !== undefined) {
      if (job.attempt >= job.maxAttempts) {
        await runStatement(trx, FAIL, [messageOf(error), nowIso, job.id]);
      } else {
        const runAt = iso(clock.nowMs() + backoffMs(job.attempt, random));
        await runStatement(trx, RETRY_AFTER_ERROR, [runAt, messageOf(error), nowIso, job.id]);
        scheduledAt(runAt);
      }
      return null;
    }
    if (outcome?.record) await outcome.record(trx);
    if (outcome?.retryAt === undefined) return job.id;
    // A rescheduled job keeps its attempt count for the handler's own schedule.
    await runStatement(trx, RESCHEDULE, [outcome.retryAt, nowIso, job.id]);
    scheduledAt(outcome.retryAt);
    return null;
  }

  /** Commits the outcomes of `batch` and the claims of the slots they free, in one transaction. */
  async function commitOutcomes(batch: Finish[], claims: Claims): Promise<void> {
    const nowIso = iso(clock.nowMs());
    await db.transaction().execute(async (trx) => {
      const done: string[] = [];
      for (const finish of batch) {
        const id = await writeOutcome(trx, finish, nowIso);
        if (id !== null) done.push(id);
      }
      // In chunks: SQLite bounds the parameters of a statement.
      for (let i = 0; i < done.length; i += 500) {
        const chunk = done.slice(i, i + 500);
        await runStatement(trx, finishedJobs(chunk.length), chunk);
      }
      await claimAll(trx, claims);
    });
    for (const { job, error } of batch) {
      if (error === undefined) continue;
      if (job.attempt >= job.maxAttempts) log.error({ job_id: job.id, queue: job.queue, err: error }, 'job failed permanently');
      else log.warn({ job_id: job.id, queue: job.queue, attempt: job.attempt, err: error }, 'job failed; will retry');
    }
  }

  /** An outcome whose writes fail counts as a thrown handler: the job runs again after backoff. */
  async function commitAlone(finish: Finish, failure: unknown): Promise<void> {
    if (failure === undefined) {
      try {
        await commitOutcomes([finish], []);
        return;
      } catch (error) {
        failure = error;
      }
    }
    try {
      await commitOutcomes([{ ...finish, outcome: undefined, error: finish.error ?? failure }], []);
    } catch (finishError) {
      // The job stays active; start() makes it pending again.
      log.error({ job_id: finish.job.id, err: finishError }, 'could not record job outcome');
    }
  }

  // One group commit at a time; outcomes that arrive meanwhile form the next group.
  async function flush(): Promise<void> {
    flushTimer = null;
    while (finishing.length > 0) {
      lastFlushAt = clock.nowMs();
      const batch = finishing;
      finishing = [];
      const claims = reserveClaims();
      let committed = true;
      try {
        await commitOutcomes(batch, claims);
      } catch (groupError) {
        committed = false;
        // One outcome's writes failed and rolled back the group: commit each on its own.
        for (const finish of batch) await commitAlone(finish, batch.length === 1 ? groupError : undefined);
      }
      settleClaims(claims, committed);
      // The slots the group meant to fill are still free: the worker claims them.
      if (!committed) poke();
      for (const finish of batch) finish.done();
    }
    flushing = false;
  }

  function scheduleFlush(prompt: boolean): void {
    if (flushing) {
      if (prompt && flushTimer !== null) {
        clearTimeout(flushTimer);
        flushTimer = null;
        setImmediate(() => void flush());
      }
      return;
    }
    flushing = true;
    // At the earliest after this turn's other I/O callbacks, so that their outcomes join the group,
    // and (unless prompt) not sooner than groupCommitIntervalMs after the last one began.
    const wait = prompt ? 0 : groupCommitIntervalMs - (clock.nowMs() - lastFlushAt);
    if (wait > 0) flushTimer = setTimeout(() => void flush(), wait);
    else setImmediate(() => void flush());
  }

  function run(registration: Registration, job: ClaimedJob): void {
    registration.running += 1;
    const task = (async () => {
      let outcome: void | JobOutcome = undefined;
      let error: unknown = undefined;
      try {
        outcome = await registration.handler({ id: job.id, queue: job.queue, payload: job.payload, attempt: job.attempt });
      } catch (caught) {
        error = caught ?? new Error('job handler threw');
      }
      // The handler's slot is free now; the next group commit claims a job for it. The row
      // stays active until the outcome commits, so the job cannot be claimed again meanwhile.
      registration.running -= 1;
      await new Promise<void>((done) => {
        finishing.push({ job, outcome, error, done });
        scheduleFlush(registration.commitPromptly);
      });
    })().finally(() => inFlight.delete(task));
    inFlight.add(task);
  }

  /**
   * How long an idle worker may sleep: until the earliest scheduled job falls
   * due (by the server clock), at most pollIntervalMs. Jobs are scheduled only
   * through this queue (SQLite has one server process), so the earliest
   * run_at is remembered as jobs are enqueued and rescheduled, and the table
   * is read only once that moment has come (or at start). A job that is due
   * but has not started waits for a slot of its queue: the worker looks again
   * every BLOCKED_RECHECK_MS meanwhile, as it used to poll.
   */
  async function idleMsUntilDue(): Promise<number> {
    let nowMs = clock.nowMs();
    if (earliestScheduledMs <= nowMs && nowMs - tableReadAtMs >= BLOCKED_RECHECK_MS) {
      tableReadAtMs = nowMs;
      earliestScheduledMs = await earliestRunAtInTable();
      nowMs = clock.nowMs();
    }
    const untilDue = earliestScheduledMs - nowMs;
    return Math.min(pollIntervalMs, untilDue > 0 ? untilDue : BLOCKED_RECHECK_MS);
  }

  async function earliestRunAtInTable(): Promise<number> {
    const queues = [...registrations.keys()];
    if (queues.length === 0) return Infinity;
    try {
      const rows = await runStatement<{ next: string | null }>(db, nextRunAt(queues.length), queues);
      const next = rows[0]?.next ?? null;
      return next === null ? Infinity : Date.parse(next);
    } catch (error) {
      if (running) log.error({ err: error }, 'could not read when the next job is due');
      return -Infinity;
    }
  }

  async function drain(): Promise<void> {
    while (running) {
      wokenMeanwhile = false;
      const claims = reserveClaims();
      let started = 0;
      if (claims.length > 0) {
        let committed = false;
        try {
          await db.transaction().execute((trx) => claimAll(trx, claims));
          committed = true;
        } catch (error) {
          if (!running) return;
          log.error({ err: error }, 'could not claim jobs');
        }
        started = settleClaims(claims, committed);
      }
      if (started > 0) continue;
      const idleMs = await idleMsUntilDue();
      if (wokenMeanwhile) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          markAllDirty();
          resolve();
        }, idleMs);
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
      const nowMs = clock.nowMs();
      const id = newTimeOrderedId(nowMs);
      const nowIso = iso(nowMs);
      await runStatement(trx, ENQUEUE, [id, job.queue, JSON.stringify(job.payload), job.maxAttempts ?? 5, job.runAt ?? nowIso, nowIso, nowIso]);
      if (job.runAt) scheduledAt(job.runAt);
      return id;
    },
    register(queue, handler, opts) {
      registrations.set(queue, { queue, handler, concurrency: opts?.concurrency ?? 4, commitPromptly: opts?.commitPromptly ?? false, running: 0, reserved: 0 });
    },
    notify() {
      markAllDirty();
      poke();
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
      // A group commit under way may still start the jobs it claimed; wait for those too.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
