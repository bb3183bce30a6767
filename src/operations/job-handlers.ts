// Job handlers are use cases; main/runtime hands them to the queue, so jobs/
// never imports operations/.
import { REPORT_QUEUE, generateCheckReport } from './check-reports.js';
import type { OperationDeps } from './deps.js';
import { eagerInsightProducts } from './insight-products.js';

export function registerJobHandlers(deps: OperationDeps): void {
  // Insight products requested in `products[]` are built by the report job before its webhook.
  const eager = eagerInsightProducts();
  deps.jobs.register(REPORT_QUEUE, async (job) => generateCheckReport(deps, eager, job.payload.reportId), { concurrency: 4, commitPromptly: true });
}
