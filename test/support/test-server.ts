// Starts a whole opencheck (store, clock, app) for a test, on SQLite in memory
// or on a fresh PostgreSQL schema, and tears it down after the test.
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';
import pino from 'pino';
import { Configuration, PlaidApi } from 'plaid';
import { loadConfig } from '../../src/config.js';
import { startOpencheck, type Opencheck } from '../../src/runtime.js';

export type TestDialect = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const DIALECTS: TestDialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestServer {
  opencheck: Opencheck;
  url: string;
  clientId: string;
  secret: string;
  plaid: PlaidApi;
  /** A Plaid client for other credentials. */
  plaidAs(clientId: string, secret: string): PlaidApi;
  /** Raw POST with JSON body and the test client's credentials in headers unless `auth: false`. */
  post(path: string, body: unknown, options?: { auth?: boolean; headers?: Record<string, string>; raw?: string }): Promise<{ status: number; body: any; headers: Headers }>;
}

export async function testDatabaseUrl(dialect: TestDialect, t: TestContext): Promise<string> {
  if (dialect === 'sqlite') return 'sqlite::memory:';
  const base = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  // Best effort: the test's own connections may still be closing (after-hooks run
  // in registration order), and CI drops the whole database at the end anyway.
  t.after(async () => {
    const client = new pg.Client({ connectionString: base });
    try {
      await client.connect();
      await client.query(`SET lock_timeout = '5s'`);
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS "${schema}_pgboss" CASCADE`);
    } catch {
      // Left for the database's own cleanup.
    } finally {
      await client.end().catch(() => {});
    }
  });
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return url.toString();
}

export async function startTestServer(
  t: TestContext,
  options: { dialect?: TestDialect; startTime?: string; env?: Record<string, string>; log?: pino.Logger } = {},
): Promise<TestServer> {
  const clientId = `test-client-${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(15).toString('hex');
  const config = loadConfig({
    DATABASE_URL: await testDatabaseUrl(options.dialect ?? 'sqlite', t),
    OPENCHECK_CLIENT_ID: clientId,
    OPENCHECK_SECRET: secret,
    PORT: '0',
    ...(options.startTime ? { OPENCHECK_START_TIME: options.startTime } : {}),
    ...options.env,
  });
  const opencheck = await startOpencheck(config, { realNowMs: () => Date.now(), log: options.log ?? pino({ level: 'silent' }) });
  t.after(() => opencheck.close());
  const url = await opencheck.app.listen({ host: '127.0.0.1', port: 0 });
  const plaidAs = (id: string, key: string) =>
    new PlaidApi(new Configuration({ basePath: url, baseOptions: { headers: { 'PLAID-CLIENT-ID': id, 'PLAID-SECRET': key } } }));
  return {
    opencheck,
    url,
    clientId,
    secret,
    plaid: plaidAs(clientId, secret),
    plaidAs,
    async post(path, body, opts = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
      if (opts.auth !== false) Object.assign(headers, { 'PLAID-CLIENT-ID': clientId, 'PLAID-SECRET': secret }, opts.headers);
      const response = await fetch(url + path, { method: 'POST', headers, body: opts.raw ?? JSON.stringify(body) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Binary or non-JSON bodies are returned as text.
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}

/** The Plaid error body of a rejected plaid-client call. */
export async function plaidError(call: Promise<unknown>): Promise<{ status: number; data: any }> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown } }).response;
    if (response) return { status: response.status, data: response.data };
    throw error;
  }
  throw new Error('expected the call to fail');
}
