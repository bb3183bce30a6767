import type { OperationDeps } from '../../../operations/deps.js';
import { fireSandboxItemWebhook } from '../../../operations/sandbox-fire-webhook.js';
import type { PlaidRoute } from '../../plaid-route.js';

export function sandboxItemFireWebhookRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/sandbox/item/fire_webhook',
    async handle(ctx, body) {
      await fireSandboxItemWebhook(deps, ctx.clientId, { accessToken: body.access_token, webhookCode: body.webhook_code, webhookType: body.webhook_type });
      return { body: { webhook_fired: true } };
    },
  };
}
