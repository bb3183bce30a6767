import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { generateSigningKeyPair, importSigningKey, serialiseWebhookBody, sha256Hex, signWebhookBody } from '../../../src/webhooks/sign.js';

test('the body is JSON with 2-space indentation', () => {
  assert.equal(serialiseWebhookBody({ a: 1, b: [true] }), '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
});

test('the signature is an ES256 JWT naming the key, with iat and the hex SHA-256 of the exact body', async () => {
  const pair = await generateSigningKeyPair();
  assert.deepEqual(Object.keys(pair.publicJwk).sort(), ['crv', 'kty', 'x', 'y']);
  const key = await importSigningKey('kid-1', pair.privatePkcs8);
  const body = serialiseWebhookBody({ webhook_type: 'CHECK_REPORT' });
  const jwt = await signWebhookBody(key, body, 1_700_000_000);
  assert.deepEqual(decodeProtectedHeader(jwt), { alg: 'ES256', kid: 'kid-1', typ: 'JWT' });
  const { payload } = await compactVerify(jwt, await importJWK({ ...pair.publicJwk }, 'ES256'));
  const claims = JSON.parse(new TextDecoder().decode(payload));
  assert.deepEqual(claims, { request_body_sha256: createHash('sha256').update(body).digest('hex'), iat: 1_700_000_000 });
  assert.equal(sha256Hex(body), claims.request_body_sha256);
  assert.notEqual(await signWebhookBody(key, body, 1_700_000_060), jwt, 'a new iat, a new signature');
});
