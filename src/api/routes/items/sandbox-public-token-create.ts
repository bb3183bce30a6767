import type { OperationDeps } from '../../../operations/deps.js';
import { createSandboxItem } from '../../../operations/items.js';
import type { PlaidRoute } from '../../plaid-route.js';

export function sandboxPublicTokenCreateRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/sandbox/public_token/create',
    async handle(ctx, body) {
      const options = body.options ?? {};
      const { publicToken } = await createSandboxItem(deps, ctx.clientId, {
        institutionId: body.institution_id,
        initialProducts: body.initial_products,
        userId: body.user_id,
        userToken: body.user_token,
        webhook: options.webhook,
        overrideUsername: options.override_username,
        overridePassword: options.override_password,
      });
      return { body: { public_token: publicToken } };
    },
  };
}
