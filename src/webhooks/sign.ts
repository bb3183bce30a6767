// Plaid's webhook signature (brief §E.3): a compact JWS in the
// `Plaid-Verification` header, header {alg: ES256, kid, typ: JWT}, payload
// {iat, request_body_sha256}, over the exact body bytes sent. Pure: the key
// and the instant come in as arguments.
import { createHash } from 'node:crypto';
import { SignJWT, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey } from 'jose';

export const SIGNATURE_HEADER = 'Plaid-Verification';
export const SIGNING_ALG = 'ES256';

/** Plaid's body: JSON indented with two spaces. Receivers hash these bytes, so they are stored and re-sent as they are. */
export function serialiseWebhookBody(body: Record<string, unknown>): string {
  return JSON.stringify(body, null, 2);
}

/** Lowercase hex SHA-256, as in the `request_body_sha256` claim. */
export function sha256Hex(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

export interface SigningKey {
  keyId: string;
  privateKey: CryptoKey;
}

/**
 * The `Plaid-Verification` value for one attempt. `iatSeconds` is wall-clock
 * time: receivers compare it with their own clock (5-minute window), so each
 * retry is signed afresh.
 */
export async function signWebhookBody(key: SigningKey, body: string, iatSeconds: number): Promise<string> {
  return new SignJWT({ request_body_sha256: sha256Hex(body) })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.keyId, typ: 'JWT' })
    .setIssuedAt(iatSeconds)
    .sign(key.privateKey);
}

export interface GeneratedKeyPair {
  /** The public half as Plaid serves it: {kty: EC, crv: P-256, x, y}. */
  publicJwk: { kty: string; crv: string; x: string; y: string };
  /** PKCS#8 PEM of the private key. Never logged or served. */
  privatePkcs8: string;
}

export async function generateSigningKeyPair(): Promise<GeneratedKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(publicKey);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error('generated key is not a P-256 EC key');
  return { publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, privatePkcs8: await exportPKCS8(privateKey) };
}

export async function importSigningKey(keyId: string, privatePkcs8: string): Promise<SigningKey> {
  return { keyId, privateKey: await importPKCS8(privatePkcs8, SIGNING_ALG) };
}
