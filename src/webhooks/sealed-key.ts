// How a signing key's private half is stored. With OPENCHECK_WEBHOOK_KEY_SECRET
// set it is encrypted (AES-256-GCM, key derived from the secret with scrypt
// and a per-key salt); without it the PKCS#8 text is stored as it is, in the
// same database that already holds every other secret-bearing row. Either
// way it is never logged and never served.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const PLAIN = 'plain:v1:';
const SEALED = 'aes-256-gcm:v1:';

export class SealedKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedKeyError';
  }
}

function derive(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret, salt, 32, { N: 1 << 14, r: 8, p: 1 });
}

export function sealPrivateKey(pkcs8: string, secret: string | null): string {
  if (secret === null) return PLAIN + Buffer.from(pkcs8, 'utf8').toString('base64');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(secret, salt), iv);
  const ciphertext = Buffer.concat([cipher.update(pkcs8, 'utf8'), cipher.final()]);
  return SEALED + [salt, iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64')).join(':');
}

/** The PKCS#8 text, or a SealedKeyError saying which secret is missing or wrong. */
export function openPrivateKey(stored: string, secret: string | null): string {
  if (stored.startsWith(PLAIN)) return Buffer.from(stored.slice(PLAIN.length), 'base64').toString('utf8');
  if (!stored.startsWith(SEALED)) throw new SealedKeyError('stored webhook signing key has an unknown format');
  if (secret === null) throw new SealedKeyError('the webhook signing key is encrypted but OPENCHECK_WEBHOOK_KEY_SECRET is not set');
  const [salt, iv, tag, ciphertext] = stored.slice(SEALED.length).split(':').map((part) => Buffer.from(part, 'base64'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', derive(secret, salt), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedKeyError('OPENCHECK_WEBHOOK_KEY_SECRET does not decrypt the stored webhook signing key');
  }
}
