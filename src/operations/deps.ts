import type { Logger } from 'pino';
import type { Clock, MovableClock } from '../clock.js';
import type { Config } from '../config.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { AccessLogWriter } from '../store/access-log-writer.js';
import type { Store } from '../store/db.js';
import type { Repositories } from '../store/repositories/index.js';

/** What every use case may touch, passed explicitly (no globals). */
export interface OperationDeps {
  store: Store;
  repos: Repositories;
  /** The FCRA access log of report reads (group-committed). */
  accessLog: AccessLogWriter;
  clock: MovableClock;
  log: Logger;
  jobs: JobQueue;
  /** Uniform [0, 1): jitter only, never report data. */
  random: () => number;
  config: Config;
}

export const isoNow = (clock: Clock): string => new Date(clock.nowMs()).toISOString();
export const isoToday = (clock: Clock): string => isoNow(clock).slice(0, 10);
