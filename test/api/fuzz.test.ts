// Throws random and mutated bodies at every Plaid endpoint the server serves:
// each answer must be a well-formed Plaid success or error, never a 5xx, and
// the server must still answer afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { contract } from '../../src/api/schemas/contract.js';
import { startTestServer } from '../support/test-server.js';

const RUNS_PER_ENDPOINT = 2000;
const ERROR_KEYS = ['display_message', 'documentation_url', 'error_code', 'error_code_reason', 'error_message', 'error_type', 'request_id', 'suggested_action'];

/** Plausible bodies to mutate, so that fuzzing reaches past the first validation step. */
function seedBodies(userId: string): Record<string, Record<string, unknown>> {
  return {
    '/user/create': { client_user_id: 'fuzz-user', identity: { name: { given_name: 'A', family_name: 'B' }, emails: [{ data: 'a@b.co', primary: true }] } },
    '/user/get': { user_id: userId },
    '/user/update': { user_id: userId, identity: { date_of_birth: '1990-01-01' } },
    '/user/remove': { user_id: userId },
  };
}

const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);

function mutate(seed: Record<string, unknown>) {
  const keys = Object.keys(seed);
  return fc.oneof(
    // Replace one field's value.
    fc.tuple(fc.constantFrom(...keys), anyValue).map(([k, v]) => ({ ...seed, [k]: v })),
    // Drop one field.
    fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(seed).filter(([key]) => key !== k))),
    // Add an unexpected field.
    fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), anyValue).map(([k, v]) => ({ ...seed, [k]: v })),
  );
}

test('fuzzed bodies never produce a 5xx or a malformed answer', async (t) => {
  const s = await startTestServer(t);
  const created = await s.post('/user/create', { client_user_id: 'fuzz-target' });
  const seeds = seedBodies(created.body.user_id);
  const paths = Object.keys(contract.operations).filter((p) => s.opencheck.app.hasRoute({ method: 'POST', url: p }));
  assert.ok(paths.length >= 4, `fuzzing ${paths.length} endpoints`);
  const app = s.opencheck.app;

  for (const path of paths) {
    const seed = seeds[path] ?? { user_id: created.body.user_id };
    const body = fc.oneof(
      { weight: 3, arbitrary: mutate(seed).map((b) => JSON.stringify(b)) },
      { weight: 1, arbitrary: fc.json() },
      { weight: 1, arbitrary: fc.string() },
      { weight: 1, arbitrary: fc.object().map((o) => JSON.stringify(o)) },
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, headerAuth) => {
        let raw = payload;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (headerAuth) Object.assign(headers, { 'plaid-client-id': s.clientId, 'plaid-secret': s.secret });
        else {
          try {
            const parsed = JSON.parse(payload);
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = JSON.stringify({ ...parsed, client_id: s.clientId, secret: s.secret });
          } catch {
            // Not JSON: sent as is.
          }
        }
        const response = await app.inject({ method: 'POST', url: path, headers, payload: raw });
        assert.ok(response.statusCode < 500, `${path} answered ${response.statusCode} to ${raw}: ${response.body}`);
        const answer = JSON.parse(response.body);
        assert.match(answer.request_id, /^[0-9A-Za-z]{15}$/);
        if (response.statusCode >= 400) assert.deepEqual(Object.keys(answer).sort(), ERROR_KEYS, response.body);
      }),
      { numRuns: RUNS_PER_ENDPOINT, seed: 20261125 },
    );
  }
  const still = await s.post('/user/get', { user_id: created.body.user_id });
  assert.ok(still.status === 200 || still.body.error_code === 'USER_NOT_FOUND', 'still.status === 200 || still.body.error_code === \'USER_NOT_FOUND\'');
  assert.equal((await s.post('/user/create', { client_user_id: 'after-fuzz' })).status, 201);
});
