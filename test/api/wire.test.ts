// Plaid wire behaviour common to every endpoint: parsing, credentials,
// validation, unknown routes, size limits and internal faults.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS, plaidError, startTestServer } from '../support/test-server.js';

const ERROR_KEYS = ['display_message', 'documentation_url', 'error_code', 'error_code_reason', 'error_message', 'error_type', 'request_id', 'suggested_action'];

function assertPlaidError(response: { status: number; body: any }, status: number, type: string, code: string, message?: RegExp) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.deepEqual(Object.keys(response.body).sort(), ERROR_KEYS);
  assert.equal(response.body.error_type, type);
  assert.equal(response.body.error_code, code);
  assert.match(response.body.request_id, /^[0-9A-Za-z]{15}$/);
  assert.equal(response.body.display_message, null);
  if (message) assert.match(response.body.error_message, message);
}

for (const dialect of DIALECTS) {
  describe(`Plaid wire behaviour (${dialect})`, () => {
    test('malformed JSON, empty bodies and non-object JSON are INVALID_BODY', async (t) => {
      const s = await startTestServer(t, { dialect });
      for (const raw of ['{"client_user_id":', '', 'null', '[1,2]', '"text"', '42']) {
        assertPlaidError(await s.post('/user/create', null, { raw }), 400, 'INVALID_REQUEST', 'INVALID_BODY', /body could not be parsed as JSON/);
      }
    });

    test('a content type other than application/json is INVALID_BODY; a missing one is INVALID_HEADERS', async (t) => {
      const s = await startTestServer(t, { dialect });
      const body = JSON.stringify({ client_user_id: 'x', client_id: s.clientId, secret: s.secret });
      const wrong = await fetch(`${s.url}/user/create`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
      assertPlaidError({ status: wrong.status, body: await wrong.json() }, 400, 'INVALID_REQUEST', 'INVALID_BODY');
      const form = await fetch(`${s.url}/user/create`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' });
      assertPlaidError({ status: form.status, body: await form.json() }, 400, 'INVALID_REQUEST', 'INVALID_BODY');
      const none = await fetch(`${s.url}/user/create`, { method: 'POST', body: new Blob([body]) });
      assertPlaidError({ status: none.status, body: await none.json() }, 400, 'INVALID_REQUEST', 'INVALID_HEADERS', /Content-Type/);
      const charset = await s.post('/user/create', { client_user_id: 'charset-ok' }, { headers: { 'content-type': 'application/json; charset=utf-8' } });
      assert.equal(charset.status, 201);
    });

    test('credentials: missing or empty is INVALID_FIELD, wrong is INVALID_API_KEYS, body credentials work, headers win', async (t) => {
      const s = await startTestServer(t, { dialect });
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a' }, { auth: false }), 400, 'INVALID_REQUEST', 'INVALID_FIELD', /^client_id must be a properly formatted, non-empty string$/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', client_id: s.clientId }, { auth: false }), 400, 'INVALID_REQUEST', 'INVALID_FIELD', /^secret must be/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', client_id: '', secret: s.secret }, { auth: false }), 400, 'INVALID_REQUEST', 'INVALID_FIELD', /client_id/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', client_id: 5, secret: s.secret }, { auth: false }), 400, 'INVALID_REQUEST', 'INVALID_FIELD', /client_id/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', client_id: s.clientId, secret: 'wrong-secret' }, { auth: false }), 400, 'INVALID_INPUT', 'INVALID_API_KEYS', /invalid client_id or secret provided/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', client_id: 'nobody', secret: s.secret }, { auth: false }), 400, 'INVALID_INPUT', 'INVALID_API_KEYS');
      const viaBody = await s.post('/user/create', { client_user_id: 'body-creds', client_id: s.clientId, secret: s.secret }, { auth: false });
      assert.equal(viaBody.status, 201);
      // Header and body disagree: headers are authoritative and the mismatch is a wrong key.
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', client_id: s.clientId, secret: 'other-secret' }), 400, 'INVALID_INPUT', 'INVALID_API_KEYS');
      const bad = await plaidError(s.plaidAs(s.clientId, 'not-the-secret').userCreate({ client_user_id: 'x' }));
      assert.equal(bad.data.error_code, 'INVALID_API_KEYS');
    });

    test('validation: unknown, missing, wrong type, out of range; messages name the field', async (t) => {
      const s = await startTestServer(t, { dialect });
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', surprise: 1 }), 400, 'INVALID_REQUEST', 'UNKNOWN_FIELDS', /the following fields are not recognized by this endpoint: surprise/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', identity: { name: { given_name: 'A', family_name: 'B', middle: 'C' } } }), 400, 'INVALID_REQUEST', 'UNKNOWN_FIELDS', /identity\.name\.middle/);
      assertPlaidError(await s.post('/user/create', {}), 400, 'INVALID_REQUEST', 'MISSING_FIELDS', /the following required fields are missing: client_user_id/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 42 }), 400, 'INVALID_REQUEST', 'INVALID_FIELD', /client_user_id must be of type string/);
      assertPlaidError(await s.post('/user/create', { client_user_id: '' }), 400, 'INVALID_REQUEST', 'INVALID_FIELD', /client_user_id must be a non-empty string/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 'x'.repeat(129) }), 400, 'INVALID_REQUEST', 'INVALID_FIELD', /client_user_id must be at most 128 characters/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', with_upgraded_user: 'yes' }), 400, 'INVALID_REQUEST', 'INVALID_FIELD', /with_upgraded_user must be of type boolean/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', identity: { date_of_birth: 'yesterday' } }), 400, 'INVALID_REQUEST', 'INVALID_FIELD', /identity\.date_of_birth must be a valid date/);
      assertPlaidError(await s.post('/user/create', { client_user_id: 'a', identity: { id_numbers: [{ value: '1234', type: 'passport' }] } }), 400, 'INVALID_REQUEST', 'INVALID_FIELD', /identity\.id_numbers\[0\]\.type must be one of: .*us_ssn, us_ssn_last_4/);
      assertPlaidError(await s.post('/user/get', {}), 400, 'INVALID_REQUEST', 'MISSING_FIELDS', /user_id/);
      assertPlaidError(await s.post('/user/get', { user_id: '' }), 400, 'INVALID_INPUT', 'INVALID_USER_ID');
    });

    test('unknown paths and methods are 404 NOT_FOUND', async (t) => {
      const s = await startTestServer(t, { dialect });
      assertPlaidError(await s.post('/no/such/route', {}), 404, 'INVALID_REQUEST', 'NOT_FOUND', /^not found$/);
      const get = await fetch(`${s.url}/user/create`);
      assertPlaidError({ status: get.status, body: await get.json() }, 404, 'INVALID_REQUEST', 'NOT_FOUND');
    });

    test('a body over the size limit is refused with a Plaid error', async (t) => {
      const s = await startTestServer(t, { dialect, env: { OPENCHECK_BODY_LIMIT: '2048' } });
      const response = await s.post('/user/create', { client_user_id: 'big', end_customer: 'x'.repeat(4096) });
      assertPlaidError(response, 413, 'INVALID_REQUEST', 'INVALID_BODY', /larger than the limit of 2048 bytes/);
      assert.equal((await s.post('/user/create', { client_user_id: 'small' })).status, 201, 'the server still answers');
    });

    test('an internal fault is a 500 API_ERROR that leaks nothing', async (t) => {
      const s = await startTestServer(t, { dialect });
      // Break the storage underneath a running server.
      await s.opencheck.deps.jobs.stop();
      await s.opencheck.deps.store.close();
      const response = await s.post('/user/create', { client_user_id: 'after-crash' });
      assertPlaidError(response, 500, 'API_ERROR', 'INTERNAL_SERVER_ERROR', /^an unexpected error occurred$/);
      // The random request_id may spell anything; everything else must leak nothing.
      const { request_id: _id, ...rest } = response.body;
      assert.doesNotMatch(JSON.stringify(rest), /destroyed|sqlite|pg|stack|at /i);
    });

    test('every response carries a request_id', async (t) => {
      const s = await startTestServer(t, { dialect });
      const ok = await s.post('/user/create', { client_user_id: 'rid' });
      assert.match(ok.body.request_id, /^[0-9A-Za-z]{15}$/);
      const removed = await s.post('/user/remove', { user_id: ok.body.user_id });
      assert.deepEqual(Object.keys(removed.body), ['request_id']);
    });
  });
}
