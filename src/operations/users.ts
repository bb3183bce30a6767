// The Users API (brief §A.2): new API users (usr_ ids, idempotent create) and
// legacy users (user_token + unprefixed id, duplicate create is an error).
import { newLegacyUserId, newUserId, newUserToken } from '../identifiers.js';
import { DuplicateKeyError } from '../store/store-errors.js';
import type { UserRecord } from '../store/repositories/users.js';
import { isoNow, isoToday, type OperationDeps } from './deps.js';
import { PlaidError } from './plaid-errors.js';
import { legacyIdentityAsIdentity, looksLikePii, validateConsumerReportUserIdentity, validateIdentity } from './user-identity.js';

type Json = Record<string, any>;

export interface CreateUserInput {
  clientUserId: string;
  identity?: Json | null;
  consumerReportUserIdentity?: Json | null;
  withUpgradedUser?: boolean;
  endCustomer?: string;
  /** The hidden Plaid-New-User-API-Enabled header, when sent. */
  newUserApiHeader?: boolean;
}

export interface CreateUserResult {
  created: boolean;
  user: UserRecord;
}

function chooseApi(input: CreateUserInput): 'new' | 'legacy' {
  if (input.newUserApiHeader !== undefined) return input.newUserApiHeader ? 'new' : 'legacy';
  if (input.withUpgradedUser || input.identity) return 'new';
  return input.consumerReportUserIdentity ? 'legacy' : 'new';
}

export async function createUser(deps: OperationDeps, clientId: string, input: CreateUserInput): Promise<CreateUserResult> {
  if (looksLikePii(input.clientUserId)) {
    throw new PlaidError('INVALID_FIELD', 'client_user_id must not contain personally identifiable information such as an email address or phone number');
  }
  if (input.identity && input.consumerReportUserIdentity) {
    throw new PlaidError('INVALID_FIELD', 'identity and consumer_report_user_identity cannot both be provided');
  }
  const today = isoToday(deps.clock);
  if (input.identity) validateIdentity(input.identity, today);
  if (input.consumerReportUserIdentity) validateConsumerReportUserIdentity(input.consumerReportUserIdentity, today);

  const api = chooseApi(input);
  const existing = await deps.repos.users.findByClientUserId(clientId, input.clientUserId);
  if (existing) return duplicate(api, existing);

  const timestamp = isoNow(deps.clock);
  const user: UserRecord = {
    userId: api === 'new' ? newUserId() : newLegacyUserId(),
    clientId,
    clientUserId: input.clientUserId,
    api,
    userToken: api === 'legacy' ? newUserToken() : null,
    endCustomer: input.endCustomer ?? null,
    identity: input.identity ?? null,
    consumerReportUserIdentity: input.consumerReportUserIdentity ?? null,
    createdAt: timestamp,
    updatedAt: timestamp,
  };
  try {
    await deps.repos.users.insert(user);
  } catch (error) {
    // A concurrent create for the same client_user_id won the race.
    if (!(error instanceof DuplicateKeyError)) throw error;
    const winner = await deps.repos.users.findByClientUserId(clientId, input.clientUserId);
    if (!winner) throw error;
    return duplicate(api, winner);
  }
  return { created: true, user };
}

function duplicate(api: 'new' | 'legacy', existing: UserRecord): CreateUserResult {
  if (api === 'legacy') {
    throw new PlaidError('INVALID_FIELD', 'client_user_id is already associated with a user; legacy /user/create does not accept duplicates');
  }
  return { created: false, user: existing };
}

export interface UserReference {
  userId?: string | null;
  userToken?: string | null;
}

const USER_ID_FORMAT = /^(usr_[0-9A-Za-z]{6,64}|[0-9A-Za-z]{20,64})$/;

/**
 * Finds the user a request names by `user_id` (either API's form) or legacy
 * `user_token`. Another client's user is indistinguishable from a missing one.
 */
export async function resolveUser(deps: OperationDeps, clientId: string, ref: UserReference): Promise<UserRecord> {
  const { userId, userToken } = ref;
  if (userId == null && userToken == null) {
    throw new PlaidError('MISSING_FIELDS', 'the following required fields are missing: user_id or user_token');
  }
  if (userToken != null) {
    const user = await deps.repos.users.findByToken(clientId, userToken);
    if (!user) throw new PlaidError('INVALID_USER_TOKEN');
    if (userId && userId !== user.userId) throw new PlaidError('INVALID_FIELD', 'user_id and user_token refer to different users');
    return user;
  }
  if (!USER_ID_FORMAT.test(userId!)) throw new PlaidError('INVALID_USER_ID');
  const user = await deps.repos.users.findById(clientId, userId!);
  if (!user) throw new PlaidError('USER_NOT_FOUND');
  return user;
}

/** The identity /user/get shows: the new API's object, or the legacy one in that shape. */
export function presentedIdentity(user: UserRecord): Json | null {
  if (user.identity) return user.identity;
  if (user.consumerReportUserIdentity) return legacyIdentityAsIdentity(user.consumerReportUserIdentity);
  return null;
}

export async function updateUser(
  deps: OperationDeps,
  clientId: string,
  ref: UserReference,
  change: { identity?: Json | null; consumerReportUserIdentity?: Json | null },
): Promise<void> {
  const user = await resolveUser(deps, clientId, ref);
  const today = isoToday(deps.clock);
  // Merge: fields sent overwrite, fields omitted are kept (brief §A.2).
  const identity = change.identity ? { ...(user.identity ?? {}), ...change.identity } : undefined;
  const legacy = change.consumerReportUserIdentity
    ? { ...(user.consumerReportUserIdentity ?? {}), ...change.consumerReportUserIdentity }
    : undefined;
  if (identity) validateIdentity(identity, today);
  if (legacy) validateConsumerReportUserIdentity(legacy, today);
  await deps.repos.users.updateIdentity(clientId, user.userId, {
    identity,
    consumerReportUserIdentity: legacy,
    updatedAt: isoNow(deps.clock),
  });
}

export async function removeUser(deps: OperationDeps, clientId: string, ref: UserReference): Promise<void> {
  const user = await resolveUser(deps, clientId, ref);
  await deps.repos.users.remove(clientId, user.userId);
}
