import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SealedKeyError, openPrivateKey, sealPrivateKey } from '../../../src/webhooks/sealed-key.js';

const pem = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n';

test('with a secret the key is encrypted and opens only with that secret', () => {
  const sealed = sealPrivateKey(pem, 'a long enough secret');
  assert.ok(sealed.startsWith('aes-256-gcm:v1:'), 'sealed.startsWith(\'aes-256-gcm:v1:\')');
  assert.ok(!sealed.includes('PRIVATE KEY'), '!sealed.includes(\'PRIVATE KEY\')');
  assert.equal(openPrivateKey(sealed, 'a long enough secret'), pem);
  assert.throws(() => openPrivateKey(sealed, 'another secret value'), SealedKeyError);
  assert.throws(() => openPrivateKey(sealed, null), /not set/);
  assert.notEqual(sealPrivateKey(pem, 'a long enough secret'), sealed, 'fresh salt and IV each time');
});

test('without a secret it is stored as it is and opens with or without one', () => {
  const sealed = sealPrivateKey(pem, null);
  assert.equal(openPrivateKey(sealed, null), pem);
  assert.equal(openPrivateKey(sealed, 'set later'), pem);
});
