// Job handlers are use cases; main/runtime hands them to the queue, so jobs/
// never imports operations/.
import { REPORT_QUEUE, generateCheckReport } from './check-reports.js';
import type { OperationDeps } from './deps.js';

export function registerJobHandlers(deps: OperationDeps): void {
  deps.jobs.register(REPORT_QUEUE, async (job) => generateCheckReport(deps, job.payload.reportId), { concurrency: 4 });
}
