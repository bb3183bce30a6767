// HTTP throughput and latency of opencheck endpoints, measured with autocannon
// against `opencheck serve` in its own process on loopback (load generator and
// server share the machine's two cores).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
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

/**
 * The yardstick for report reads: a generic OpenAPI mock (Stoplight
 * Prism, in its own process) serving `example` as the static 200 response of
 * one POST operation, under the same load as opencheck.
 */
export async function loadGenericMock(path: string, example: string, options: { connections: number; durationSeconds: number }): Promise<LoadResult & { bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'opencheck-bench-mock-'));
  const spec = join(dir, 'openapi.json');
  writeFileSync(
    spec,
    JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'generic mock', version: '1' },
      paths: {
        [path]: {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
            responses: { '200': { description: 'ok', content: { 'application/json': { example: JSON.parse(example) } } } },
          },
        },
      },
    }),
  );
  const port = await freePort();
  const prism = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
  const child = spawn(process.execPath, [prism, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'silent', spec], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}${path}`;
  const headers = { 'content-type': 'application/json' };
  try {
    let bytes = 0;
    for (const deadline = Date.now() + 60_000; bytes === 0; ) {
      if (Date.now() > deadline) throw new Error('the generic mock did not start');
      bytes = await fetch(url, { method: 'POST', headers, body: '{}' })
        .then(async (response) => (response.ok ? (await response.arrayBuffer()).byteLength : 0))
        .catch(() => 0);
      if (bytes === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await load(url, headers, {}, { connections: options.connections, durationSeconds: 2 }); // warm-up
    return { ...(await load(url, headers, {}, options)), bytes };
  } finally {
    child.kill('SIGTERM');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The same bytes served by bare Fastify (bench/static-bytes-server.ts), under the same load: the ceiling. */
export async function loadStaticBytes(path: string, document: string, options: { connections: number; durationSeconds: number }): Promise<LoadResult & { bytes: number }> {
  const file = join(mkdtempSync(join(tmpdir(), 'opencheck-bench-static-')), 'document.json');
  writeFileSync(file, document);
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'static-bytes-server.ts'), file, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout!.once('data', (chunk) => resolve(String(chunk).trim()));
      child.once('exit', (code) => reject(new Error(`static bytes server exited with ${code}`)));
    });
    const headers = { 'content-type': 'application/json' };
    await load(base + path, headers, {}, { connections: options.connections, durationSeconds: 2 }); // warm-up
    return { ...(await load(base + path, headers, {}, options)), bytes: Buffer.byteLength(document) };
  } finally {
    child.kill('SIGTERM');
  }
}

