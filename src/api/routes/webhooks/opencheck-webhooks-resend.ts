import type { PlaidRoute } from '../../plaid-route.js';
import type { OperationDeps } from '../../../operations/deps.js';
import { resendWebhook } from '../../../operations/webhooks.js';
import { validateOpencheckBody } from './opencheck-body.js';

/** POST /opencheck/webhooks/resend {webhook_id}: one more attempt now, recorded like the others. */
export function opencheckWebhooksResendRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/opencheck/webhooks/resend',
    async handle(ctx, body) {
      validateOpencheckBody(body, { webhook_id: { type: 'string', required: true, maxLength: 256 } });
      await resendWebhook(deps, ctx.clientId, body.webhook_id);
      return { body: { webhook_id: body.webhook_id } };
    },
  };
}
