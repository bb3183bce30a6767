// The Sandbox's data source: given the login a tester used, the data the
// simulated bank hands over for a new Item. Pure: the caller passes the Item
// creation time and a fallback seed; itemRows gives the rows ids (the caller's)
// and enrichment; the caller stores them.
//
// Which login means what (Plaid's Sandbox rules):
// - `user_custom`: the password is a custom-user JSON config (custom-user.ts).
// - a canned persona username (personas/): any password, except `user_good`,
//   which needs `pass_good`. A JSON password with a `seed` reseeds the persona.
// - any other username whose password is a JSON object: a custom user too,
//   as Plaid accepts custom configs under any username.
// - anything else: INVALID_CREDENTIALS.

import type { IsoDateTime } from '../domain/model.js';
import { dateOfInstant } from './calendar.js';
import { generateCustomUserItem } from './custom-user.js';
import { findInstitution, institutionLinkError } from './institutions.js';
import { fail } from './item-data.js';
import type { SandboxItemData, SandboxResult } from './item-data.js';
import { buildPersona, findPersona } from './personas/index.js';

export type { ItemRowIds, SandboxAccount, SandboxError, SandboxItemData, SandboxResult, SandboxTransaction } from './item-data.js';
export { itemRows } from './item-data.js';
export { findInstitution, institutionLinkError, listInstitutions } from './institutions.js';
export type { SandboxInstitution, InstitutionHealth } from './institutions.js';
export { parseCustomUserConfig, DEFAULT_STARTING_BALANCE_CENTS } from './custom-user.js';
export { PERSONAS, findPersona } from './personas/index.js';

export const CUSTOM_USERNAME = 'user_custom';

export interface ItemDataRequest {
  username: string;
  password: string;
  institutionId: string;
  /** When the Item is created; generated histories end on its UTC date. */
  itemCreatedAt: IsoDateTime;
  /** Seeds random custom-user data when the config has no `seed`. */
  fallbackSeed: string;
}

/** The password as a JSON object, or null when it is not one. */
function jsonObjectPassword(password: string): Record<string, unknown> | null {
  if (!password.trimStart().startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(password);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function generateItemData(request: ItemDataRequest): SandboxResult<SandboxItemData> {
  const institution = findInstitution(request.institutionId);
  if (!institution) return fail('INVALID_INSTITUTION', 'invalid institution_id provided');
  const linkError = institutionLinkError(institution);
  if (linkError) return fail(linkError, `${institution.name} is a Sandbox institution that always fails with ${linkError}`);

  const custom = () =>
    generateCustomUserItem({ config: request.password, itemCreatedAt: request.itemCreatedAt, fallbackSeed: request.fallbackSeed });
  if (request.username === CUSTOM_USERNAME) return custom();

  const json = jsonObjectPassword(request.password);
  const persona = findPersona(request.username);
  if (persona && (persona.password === null || persona.password === request.password)) {
    const seed = json && (typeof json.seed === 'string' || typeof json.seed === 'number') ? String(json.seed) : undefined;
    return { ok: true, data: { accounts: buildPersona(persona, dateOfInstant(request.itemCreatedAt), seed) } };
  }
  if (json) return custom();
  return fail('INVALID_CREDENTIALS', 'the provided credentials were not correct');
}
