// Webhook signing keys (brief §E.3). One key signs at a time; it is created
// once per installation and kept across restarts, because receivers written
// from Plaid's current docs sample cache the first key they fetch and never
// look again. Rotation happens only when an operator asks for it
// (`opencheck webhook-key rotate`); retired keys stay servable by
// /webhook_verification_key/get, with expired_at set, so webhooks signed
// before the rotation can still be verified.
import { newOpaqueId } from '../identifiers.js';
import { webhooksRepository, type SigningKeyRecord } from '../store/repositories/webhooks.js';
import { DuplicateKeyError } from '../store/store-errors.js';
import { openPrivateKey, sealPrivateKey } from '../webhooks/sealed-key.js';
import { SIGNING_ALG, generateSigningKeyPair, importSigningKey, type SigningKey } from '../webhooks/sign.js';
import { isoNow, type OperationDeps } from './deps.js';
import { PlaidError } from './plaid-errors.js';

/** What key management needs; the CLI builds it without a server. OPENCHECK_WEBHOOK_KEY_SECRET comes from config. */
export type WebhookKeyDeps = Pick<OperationDeps, 'store' | 'clock' | 'config'>;

/** Plaid's JWKPublicKey, as /webhook_verification_key/get serves it. */
export interface WireVerificationKey {
  alg: string;
  created_at: number;
  crv: string;
  expired_at: number | null;
  kid: string;
  kty: string;
  use: string;
  x: string;
  y: string;
}

const unixSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

async function mintKey(deps: WebhookKeyDeps): Promise<SigningKeyRecord> {
  const pair = await generateSigningKeyPair();
  return {
    keyId: newOpaqueId(),
    publicJwk: pair.publicJwk,
    sealedPrivateKey: sealPrivateKey(pair.privatePkcs8, deps.config.webhooks.keySecret),
    createdAt: isoNow(deps.clock),
    expiredAt: null,
    current: true,
  };
}

/**
 * Makes sure a signing key exists, creating the installation's first one if
 * not; runtime calls it at start. An existing key is never replaced here: if
 * it cannot be opened (OPENCHECK_WEBHOOK_KEY_SECRET missing or wrong) this
 * throws, rather than silently minting a key receivers do not know.
 */
export async function ensureSigningKey(deps: WebhookKeyDeps): Promise<{ keyId: string; created: boolean }> {
  const repo = webhooksRepository(deps.store.db);
  const existing = await repo.currentSigningKey();
  if (existing) {
    openPrivateKey(existing.sealedPrivateKey, deps.config.webhooks.keySecret);
    return { keyId: existing.keyId, created: false };
  }
  const key = await mintKey(deps);
  try {
    await repo.insertSigningKey(key);
  } catch (error) {
    // Another process created the first key at the same moment: use theirs.
    if (!(error instanceof DuplicateKeyError)) throw error;
    const winner = await repo.currentSigningKey();
    if (!winner) throw error;
    return { keyId: winner.keyId, created: false };
  }
  return { keyId: key.keyId, created: true };
}

/** Retires the current key and makes a new one current, in one transaction. */
export async function rotateSigningKey(deps: WebhookKeyDeps): Promise<{ keyId: string; retiredKeyId: string | null }> {
  const key = await mintKey(deps);
  return deps.store.db.transaction().execute(async (trx) => {
    const repo = webhooksRepository(trx);
    const retiredKeyId = await repo.retireCurrentSigningKey(key.createdAt);
    await repo.insertSigningKey(key);
    return { keyId: key.keyId, retiredKeyId };
  });
}

export async function listSigningKeys(deps: WebhookKeyDeps): Promise<Array<{ keyId: string; createdAt: string; expiredAt: string | null; current: boolean }>> {
  const keys = await webhooksRepository(deps.store.db).listSigningKeys();
  return keys.map(({ keyId, createdAt, expiredAt, current }) => ({ keyId, createdAt, expiredAt, current }));
}

/** The public key for a `kid`, current or retired; Plaid's error for an unknown one. */
export async function webhookVerificationKey(deps: WebhookKeyDeps, keyId: string): Promise<WireVerificationKey> {
  const key = await webhooksRepository(deps.store.db).findSigningKey(keyId);
  if (!key) throw new PlaidError('INVALID_WEBHOOK_VERIFICATION_KEY_ID');
  return {
    alg: SIGNING_ALG,
    created_at: unixSeconds(key.createdAt),
    crv: key.publicJwk.crv,
    expired_at: key.expiredAt === null ? null : unixSeconds(key.expiredAt),
    kid: key.keyId,
    kty: key.publicJwk.kty,
    use: 'sig',
    x: key.publicJwk.x,
    y: key.publicJwk.y,
  };
}

export interface SigningKeyring {
  /** The key that signs now. */
  current(): Promise<SigningKey>;
}

/**
 * The current signing key, cached. Which key is current is re-read at most
 * every `refreshMs`, so a rotation made by the CLI (another process) takes
 * effect in a running server without a restart; opened private keys are kept
 * per key id.
 */
export function signingKeyring(
  deps: WebhookKeyDeps,
  options: { refreshMs: number; monotonicMs: () => number },
): SigningKeyring {
  const opened = new Map<string, Promise<SigningKey>>();
  let currentId: { keyId: string; sealed: string } | null = null;
  let checkedAt = -Infinity;
  let refreshing: Promise<void> | null = null;

  async function refresh(): Promise<void> {
    const key = await webhooksRepository(deps.store.db).currentSigningKey();
    if (!key) throw new Error('no webhook signing key; ensureSigningKey must run at start');
    currentId = { keyId: key.keyId, sealed: key.sealedPrivateKey };
    checkedAt = options.monotonicMs();
  }

  return {
    async current() {
      if (currentId === null || options.monotonicMs() - checkedAt > options.refreshMs) {
        refreshing ??= refresh().finally(() => {
          refreshing = null;
        });
        await refreshing;
      }
      const { keyId, sealed } = currentId!;
      let key = opened.get(keyId);
      if (!key) {
        key = importSigningKey(keyId, openPrivateKey(sealed, deps.config.webhooks.keySecret));
        key.catch(() => opened.delete(keyId));
        opened.set(keyId, key);
      }
      return key;
    },
  };
}
