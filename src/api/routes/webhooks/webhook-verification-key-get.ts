import type { PlaidRoute } from '../../plaid-route.js';
import type { OperationDeps } from '../../../operations/deps.js';
import { webhookVerificationKey } from '../../../operations/webhook-keys.js';

/** Keys are per installation (Plaid: per environment), so any authenticated client may fetch any kid. */
export function webhookVerificationKeyGetRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/webhook_verification_key/get',
    async handle(_ctx, body) {
      return { body: { key: await webhookVerificationKey(deps, body.key_id) } };
    },
  };
}
