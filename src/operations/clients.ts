// API clients: creation, listing, and credential checks. Secrets are random
// (120 bits) when opencheck mints them, so a salted SHA-256 is a sufficient
// one-way hash and keeps authentication cheap on every request; comparison is
// constant-time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import { newClientId, newClientSecret } from '../identifiers.js';
import type { ClientsRepository } from '../store/repositories/clients.js';
import { PlaidError } from './plaid-errors.js';

export interface ClientsDeps {
  clients: ClientsRepository;
  clock: Clock;
}

function hashSecret(salt: string, secret: string): string {
  return createHash('sha256').update(salt).update('\0').update(secret).digest('hex');
}

export async function createClient(
  deps: ClientsDeps,
  input: { name: string; clientId?: string; secret?: string },
): Promise<{ clientId: string; secret: string }> {
  const clientId = input.clientId ?? newClientId();
  const secret = input.secret ?? newClientSecret();
  const salt = randomBytes(16).toString('hex');
  await deps.clients.insert({
    clientId,
    name: input.name,
    secretSalt: salt,
    secretHash: hashSecret(salt, secret),
    createdAt: new Date(deps.clock.nowMs()).toISOString(),
  });
  return { clientId, secret };
}

/**
 * Makes sure the operator's configured client exists with the configured
 * secret (the secret is re-hashed if it changed). Returns true if created.
 */
export async function ensureClient(deps: ClientsDeps, input: { name: string; clientId: string; secret: string }): Promise<boolean> {
  const existing = await deps.clients.find(input.clientId);
  if (!existing) {
    await createClient(deps, input);
    return true;
  }
  if (!secretMatches(existing.secretSalt, existing.secretHash, input.secret)) {
    const salt = randomBytes(16).toString('hex');
    await deps.clients.updateSecret(input.clientId, salt, hashSecret(salt, input.secret));
  }
  return false;
}

function secretMatches(salt: string, expectedHash: string, secret: string): boolean {
  const actual = Buffer.from(hashSecret(salt, secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Plaid answers INVALID_API_KEYS for an unknown id or a wrong secret alike. */
export async function authenticateClient(deps: ClientsDeps, clientId: string, secret: string): Promise<string> {
  const client = await deps.clients.find(clientId);
  // Hash even for unknown ids so timing does not reveal which ids exist.
  const ok = client ? secretMatches(client.secretSalt, client.secretHash, secret) : secretMatches('x', '00', secret) && false;
  if (!client || !ok) throw new PlaidError('INVALID_API_KEYS');
  return client.clientId;
}

/**
 * authenticateClient with a short-lived memory of recently verified
 * credentials, so a busy client is not looked up and hashed on every request.
 * A changed secret takes effect within `ttlMs` (other processes included).
 */
export function cachedClientAuthenticator(deps: ClientsDeps, ttlMs = 5_000) {
  const verified = new Map<string, { secret: Buffer; expiresAtMs: number }>();
  return async (clientId: string, secret: string): Promise<string> => {
    const entry = verified.get(clientId);
    const presented = Buffer.from(secret);
    if (entry && entry.expiresAtMs > deps.clock.nowMs() && entry.secret.length === presented.length && timingSafeEqual(entry.secret, presented)) {
      return clientId;
    }
    const id = await authenticateClient(deps, clientId, secret);
    if (verified.size > 10_000) verified.clear();
    verified.set(id, { secret: presented, expiresAtMs: deps.clock.nowMs() + ttlMs });
    return id;
  };
}

export async function listClients(deps: ClientsDeps) {
  return deps.clients.list();
}
