// Opaque identifiers in the formats Plaid uses (brief §A.1). Random, from the
// OS CSPRNG: ids carry no meaning, and tokens must not be guessable.
import { randomBytes, randomUUID } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(length: number): string {
  // Rejection sampling keeps the distribution uniform (248 = 62 * 4).
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
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
export const newReportId = (): string => randomUUID();
export const newPublicToken = (): string => `public-sandbox-${randomUUID()}`;
export const newAccessToken = (): string => `access-sandbox-${randomUUID()}`;
export const newOpaqueId = (): string => randomUUID();
