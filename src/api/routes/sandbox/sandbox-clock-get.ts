// opencheck extension (not a Plaid endpoint): read the server clock.
import { isoNow, type OperationDeps } from '../../../operations/deps.js';
import type { PlaidRoute } from '../../plaid-route.js';

export function sandboxClockGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/sandbox/clock/get',
    bodySchema: { type: 'object', properties: {} },
    async handle() {
      return { body: { current_time: isoNow(deps.clock) } };
    },
  };
}
