// opencheck extension (not a Plaid endpoint): move the server clock forward.
import type { OperationDeps } from '../../../operations/deps.js';
import { advanceClock } from '../../../operations/sandbox-clock.js';
import type { PlaidRoute } from '../../plaid-route.js';

export function sandboxClockAdvanceRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/sandbox/clock/advance',
    bodySchema: {
      type: 'object',
      properties: { seconds: { type: 'integer', minimum: 0, maximum: 10 * 365 * 24 * 3600 } },
      required: ['seconds'],
    },
    async handle(_ctx, body) {
      return { body: { current_time: await advanceClock(deps, body.seconds) } };
    },
  };
}
