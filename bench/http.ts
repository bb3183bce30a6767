// HTTP throughput and latency of opencheck endpoints, measured with autocannon
// against `opencheck serve` in its own process on loopback (load generator and
// server share the machine's two cores).
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { spawnServer, type ServerProcess } from '../test/support/server-process.js';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  megabytesPerSecond: number;
  errors: number;
  non2xx: number;
}

/**
 * The server as users run it (`opencheck serve`) in its own process, so the
 * load generator does not share its event loop.
 */
export async function spawnBenchServer(env: Record<string, string> = {}): Promise<ServerProcess & { headers: Record<string, string> }> {
  const clientId = `bench-${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(15).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'opencheck-bench-'));
  const server = await spawnServer({
    DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
    OPENCHECK_CLIENT_ID: clientId,
    OPENCHECK_SECRET: secret,
    OPENCHECK_CRA_RATE_LIMIT: '0',
    ...env,
  });
  return { ...server, headers: { 'content-type': 'application/json', 'PLAID-CLIENT-ID': clientId, 'PLAID-SECRET': secret } };
}

export async function load(url: string, headers: Record<string, string>, body: unknown, options: { connections: number; durationSeconds: number }): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    connections: options.connections,
    duration: options.durationSeconds,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    megabytesPerSecond: Math.round((result.throughput.average / 1e6) * 10) / 10,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** /user/get under 50 connections. */
export async function benchUserGet(durationSeconds = 10): Promise<LoadResult> {
  const server = await spawnBenchServer();
  const { url, headers } = server;
  try {
    const created = await fetch(`${url}/user/create`, { method: 'POST', headers, body: JSON.stringify({ client_user_id: 'bench-user' }) });
    const { user_id } = (await created.json()) as { user_id: string };
    await load(`${url}/user/get`, headers, { user_id }, { connections: 50, durationSeconds: 2 }); // warm-up
    return await load(`${url}/user/get`, headers, { user_id }, { connections: 50, durationSeconds });
  } finally {
    await server.stop();
  }
}
