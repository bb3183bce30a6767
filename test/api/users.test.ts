import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIALECTS, plaidError, startTestServer } from '../support/test-server.js';

const identity = {
  name: { given_name: 'Ada', family_name: 'Lovelace' },
  date_of_birth: '1985-12-10',
  emails: [{ data: 'ada@example.com', primary: true }],
  phone_numbers: [{ data: '+14155550123', primary: true }],
  addresses: [{ street_1: '1 Main St', city: 'San Francisco', region: 'CA', postal_code: '94105', country: 'US', primary: true }],
};

const legacyIdentity = {
  first_name: 'Grace',
  last_name: 'Hopper',
  phone_numbers: ['+14155550199'],
  emails: ['grace@example.com'],
  date_of_birth: '1970-01-02',
  primary_address: { street: '2 Navy Way', city: 'Arlington', region: 'VA', postal_code: '22202', country: 'US' },
};

for (const dialect of DIALECTS) {
  describe(`Users API (${dialect})`, () => {
    test('new API create is idempotent per client_user_id: 201 then 200 with the same usr_ id', async (t) => {
      const s = await startTestServer(t, { dialect });
      const first = await s.plaid.userCreate({ client_user_id: 'applicant-42' });
      assert.equal(first.status, 201);
      assert.match(first.data.user_id, /^usr_[0-9A-Za-z]{14}$/);
      assert.equal(first.data.user_token, undefined);
      assert.match(first.data.request_id, /^[0-9A-Za-z]{15}$/);
      const again = await s.plaid.userCreate({ client_user_id: 'applicant-42' });
      assert.equal(again.status, 200);
      assert.equal(again.data.user_id, first.data.user_id);
    });

    test('legacy create returns user_token and rejects a duplicate client_user_id', async (t) => {
      const s = await startTestServer(t, { dialect });
      const created = await s.plaid.userCreate({ client_user_id: 'legacy-1', consumer_report_user_identity: legacyIdentity } as any);
      assert.match(created.data.user_token!, /^user-sandbox-[0-9a-f-]{36}$/);
      assert.match(created.data.user_id, /^[0-9A-Za-z]{29}$/);
      const dup = await plaidError(s.plaid.userCreate({ client_user_id: 'legacy-1', consumer_report_user_identity: legacyIdentity } as any));
      assert.equal(dup.status, 400);
      assert.equal(dup.data.error_type, 'INVALID_REQUEST');
      assert.equal(dup.data.error_code, 'INVALID_FIELD');
      assert.match(dup.data.error_message, /client_user_id/);
    });

    test('the Plaid-New-User-API-Enabled header picks the API', async (t) => {
      const s = await startTestServer(t, { dialect });
      const legacy = await s.post('/user/create', { client_user_id: 'h-1' }, { headers: { 'Plaid-New-User-API-Enabled': 'false' } });
      assert.equal(legacy.status, 201);
      assert.match(legacy.body.user_token, /^user-sandbox-/);
      const modern = await s.post('/user/create', { client_user_id: 'h-2' }, { headers: { 'Plaid-New-User-API-Enabled': 'true' } });
      assert.match(modern.body.user_id, /^usr_/);
    });

    test('get returns identity and timestamps from the server clock; update merges; remove deletes', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: '2026-03-01T12:00:00Z' });
      const { data } = await s.plaid.userCreate({ client_user_id: 'u-1', identity } as any);
      const got = await s.plaid.userGet({ user_id: data.user_id } as any);
      assert.equal(got.data.client_user_id, 'u-1');
      assert.deepEqual(got.data.identity, identity);
      assert.ok(got.data.created_at.startsWith('2026-03-01T12:00'), got.data.created_at);
      await s.plaid.userUpdate({ user_id: data.user_id, identity: { date_of_birth: '1990-05-05' } } as any);
      const updated = await s.plaid.userGet({ user_id: data.user_id } as any);
      assert.equal(updated.data.identity!.date_of_birth, '1990-05-05');
      assert.deepEqual(updated.data.identity!.emails, identity.emails, 'omitted fields are kept');
      await s.plaid.userRemove({ user_id: data.user_id } as any);
      const gone = await plaidError(s.plaid.userGet({ user_id: data.user_id } as any));
      assert.equal(gone.data.error_type, 'USER_ERROR');
      assert.equal(gone.data.error_code, 'USER_NOT_FOUND');
      const recreated = await s.plaid.userCreate({ client_user_id: 'u-1' });
      assert.equal(recreated.status, 201, 'client_user_id is reusable after removal');
    });

    test('get, update and remove work by user_id for a legacy user; update and remove by user_token', async (t) => {
      const s = await startTestServer(t, { dialect });
      const { data } = await s.plaid.userCreate({ client_user_id: 'l-2', consumer_report_user_identity: legacyIdentity } as any);
      const got = await s.plaid.userGet({ user_id: data.user_id } as any);
      assert.equal(got.data.identity!.name!.given_name, 'Grace');
      await s.plaid.userUpdate({ user_token: data.user_token, consumer_report_user_identity: { ...legacyIdentity, first_name: 'G.' } } as any);
      assert.equal((await s.plaid.userGet({ user_id: data.user_id } as any)).data.identity!.name!.given_name, 'G.');
      const mismatch = await plaidError(s.plaid.userRemove({ user_token: 'user-sandbox-00000000-0000-0000-0000-000000000000' } as any));
      assert.equal(mismatch.data.error_code, 'INVALID_USER_TOKEN');
      await s.plaid.userRemove({ user_token: data.user_token } as any);
      assert.equal((await plaidError(s.plaid.userGet({ user_id: data.user_id } as any))).data.error_code, 'USER_NOT_FOUND');
    });

    test('bad identity data is a 403 USER_ERROR INVALID_USER_IDENTITY_DATA naming the field', async (t) => {
      const s = await startTestServer(t, { dialect });
      const cases: Array<[any, RegExp]> = [
        [{ ...identity, phone_numbers: [{ data: '+15550000000', primary: true }] }, /phone_numbers\[0\]/],
        [{ ...identity, emails: [{ data: 'not-an-email', primary: true }] }, /emails\[0\]/],
        [{ ...identity, date_of_birth: '2999-01-01' }, /date_of_birth/],
        [{ ...identity, addresses: [{ country: 'US', primary: true, city: 'X' }] }, /addresses\[0\]\.street_1/],
      ];
      for (const [bad, field] of cases) {
        const error = await plaidError(s.plaid.userCreate({ client_user_id: 'bad-id', identity: bad } as any));
        assert.equal(error.status, 403);
        assert.equal(error.data.error_type, 'USER_ERROR');
        assert.equal(error.data.error_code, 'INVALID_USER_IDENTITY_DATA');
        assert.match(error.data.error_message, field);
      }
      const none = await plaidError(s.plaid.userGet({ user_id: 'usr_doesnotexist00' } as any));
      assert.equal(none.data.error_code, 'USER_NOT_FOUND', 'nothing half-created remains');
    });

    test('client_user_id that is plainly PII is rejected', async (t) => {
      const s = await startTestServer(t, { dialect });
      for (const pii of ['someone@example.com', '+1 (415) 555-0123', '123-45-6789']) {
        const error = await plaidError(s.plaid.userCreate({ client_user_id: pii }));
        assert.equal(error.data.error_code, 'INVALID_FIELD');
        assert.match(error.data.error_message, /client_user_id/);
      }
    });

    test('clients are isolated: B sees A’s user exactly as a user that does not exist', async (t) => {
      const s = await startTestServer(t, { dialect });
      const other = await (await import('../../src/operations/clients.js')).createClient(
        { clients: s.opencheck.deps.repos.clients, clock: s.opencheck.clock },
        { name: 'other' },
      );
      const b = s.plaidAs(other.clientId, other.secret);
      const { data } = await s.plaid.userCreate({ client_user_id: 'shared-id' });
      const foreign = await plaidError(b.userGet({ user_id: data.user_id } as any));
      const missing = await plaidError(b.userGet({ user_id: 'usr_0000000000000x' } as any));
      assert.deepEqual({ ...foreign.data, request_id: 'x' }, { ...missing.data, request_id: 'x' });
      assert.equal(foreign.data.error_code, 'USER_NOT_FOUND');
      await plaidError(b.userRemove({ user_id: data.user_id } as any));
      await plaidError(b.userUpdate({ user_id: data.user_id, identity } as any));
      assert.equal((await s.plaid.userGet({ user_id: data.user_id } as any)).data.identity, null, 'A’s user is untouched');
      const bUser = await b.userCreate({ client_user_id: 'shared-id' });
      assert.equal(bUser.status, 201, 'another client gets its own user for the same client_user_id');
      assert.notEqual(bUser.data.user_id, data.user_id);
    });
  });
}
