// Request validators are compiled when a route is registered: a schema that
// cannot compile stops the server at start instead of failing its first request.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { registerPlaidRoute, type PlaidRoute } from '../../src/api/plaid-route.js';
import type { OperationDeps } from '../../src/operations/deps.js';

const deps = { config: { reports: { rateLimitPerMinute: 0 } } } as unknown as OperationDeps;
const authenticate = async () => 'client';

test('a route whose request schema cannot compile fails at registration, not at its first request', async (t) => {
  const app = Fastify();
  t.after(() => app.close());
  const broken: PlaidRoute = {
    path: '/opencheck/broken',
    bodySchema: { type: 'object', properties: { count: { type: 'not-a-json-type' } } },
    handle: async () => ({ body: {} }),
  };
  assert.throws(() => registerPlaidRoute(app, deps, broken, authenticate), /schema is invalid/);
});

