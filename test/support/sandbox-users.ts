// Creates a user and links one sandbox Item to it, as an integrator does:
// /user/create, then /sandbox/public_token/create with a custom-user config
// (or a persona username).
import { Products } from 'plaid';
import type { TestServer } from './test-server.js';

export interface LinkedUser {
  userId: string;
  /** How requests name the user: `user_id`, or `user_token` for legacy users. */
  ref: Record<string, string>;
}

export async function linkSandboxUser(
  s: TestServer,
  clientUserId: string,
  options: { password: string; username?: string; api?: 'new' | 'legacy' },
): Promise<LinkedUser> {
  const legacy = options.api === 'legacy';
  const created = await s.post('/user/create', { client_user_id: clientUserId }, legacy ? { headers: { 'Plaid-New-User-API-Enabled': 'false' } } : {});
  const ref: Record<string, string> = legacy ? { user_token: created.body.user_token } : { user_id: created.body.user_id };
  await s.plaid.sandboxPublicTokenCreate({
    institution_id: 'ins_109508',
    initial_products: [Products.CraBaseReport],
    ...ref,
    options: { override_username: options.username ?? 'user_custom', override_password: options.password },
  } as any);
  return { userId: created.body.user_id as string, ref };
}
