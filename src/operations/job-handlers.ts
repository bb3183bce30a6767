// Job handlers are use cases; main/runtime hands them to the queue, so jobs/
// never imports operations/.
import type { OperationDeps } from './deps.js';

export function registerJobHandlers(deps: OperationDeps): void {
  // Each feature adds its queue here, e.g. report generation and webhook delivery.
  void deps;
}
