// Opaque identifiers in the formats Plaid uses (brief §A.1). Random, from the
// OS CSPRNG: ids carry no meaning, and tokens must not be guessable.
import { randomBytes, randomFillSync, randomUUID } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn from the CSPRNG in blocks: one call per id costs more than the id.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomByte(): number {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  return pool[poolOffset++];
}

function base62(length: number): string {
  // Rejection sampling keeps the distribution uniform (248 = 62 * 4).
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    if (byte < 248) out += BASE62[byte % 62];
  }
  return out;
}

export const newRequestId = (): string => base62(15);
export const newUserId = (): string => `usr_${base62(14)}`;
export const newLegacyUserId = (): string => base62(29);
export const newUserToken = (): string => `user-sandbox-${randomUUID()}`;
export const newClientId = (): string => randomBytes(12).toString('hex');
export const newClientSecret = (): string => randomBytes(15).toString('hex');
export const newItemId = (): string => base62(37);
export const newAccountId = (): string => base62(37);
export const newTransactionId = (): string => base62(37);
export const newPublicToken = (): string => `public-sandbox-${randomUUID()}`;
export const newAccessToken = (): string => `access-sandbox-${randomUUID()}`;
export const newOpaqueId = (): string => randomUUID();

/**
 * A UUID version 7 (RFC 9562): the given time's milliseconds, then random
 * bits. For append-only logs: ids that sort by time go in at the end of the
 * primary-key index, instead of dirtying a random index page per row.
 */
export function newTimeOrderedId(atMs: number): string {
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(Math.max(0, Math.floor(atMs)), 0, 6);
  for (let i = 6; i < 16; i += 1) bytes[i] = randomByte();
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Plaid's report ids are UUIDs; time-ordered ones keep the reports table's index append-only. */
export const newReportId = (atMs: number): string => newTimeOrderedId(atMs);
