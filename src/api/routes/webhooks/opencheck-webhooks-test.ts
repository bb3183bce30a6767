import type { PlaidRoute } from '../../plaid-route.js';
import type { OperationDeps } from '../../../operations/deps.js';
import { sendTestWebhook } from '../../../operations/webhooks.js';
import { validateOpencheckBody } from './opencheck-body.js';

/**
 * POST /opencheck/webhooks/test {url}: records and sends a signed test
 * webhook ({webhook_type: OPENCHECK, webhook_code: WEBHOOK_TEST}) through the
 * same outbox, retries and attempt log as every other webhook.
 */
export function opencheckWebhooksTestRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/opencheck/webhooks/test',
    async handle(ctx, body) {
      validateOpencheckBody(body, { url: { type: 'string', required: true, maxLength: 2048 } });
      return { body: { webhook_id: await sendTestWebhook(deps, ctx.clientId, body.url) } };
    },
  };
}
