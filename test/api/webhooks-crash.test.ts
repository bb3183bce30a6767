// The outbox survives SIGKILL: `opencheck serve` as users run it (embedded
// SQLite), killed while deliveries are in flight and right after webhooks
// were recorded; after a restart every webhook is delivered.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

const BIN = join(import.meta.dirname, '../../bin/opencheck.js');

interface Child {
  url: string;
  process: ChildProcess;
  post(path: string, body: unknown): Promise<any>;
}

async function serve(t: TestContext, env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /opencheck listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const headers = { 'content-type': 'application/json', 'PLAID-CLIENT-ID': env.OPENCHECK_CLIENT_ID, 'PLAID-SECRET': env.OPENCHECK_SECRET };
  return {
    url,
    process: child,
    async post(path, body) {
      const response = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) });
      return response.json();
    },
  };
}

async function kill(child: Child): Promise<void> {
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGKILL');
  await exited;
}

test('SIGKILL during delivery loses no webhook: after a restart every one is delivered', { timeout: 90_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'opencheck-crash-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const env = {
    DATABASE_URL: `sqlite:${join(dir, 'opencheck.db')}`,
    OPENCHECK_CLIENT_ID: `crash-${randomBytes(4).toString('hex')}`,
    OPENCHECK_SECRET: randomBytes(15).toString('hex'),
  };
  const receiver = await startWebhookReceiver(t);
  receiver.setFallback('hang');

  const first = await serve(t, env);
  // Three deliveries are in flight (the receiver holds them) when the process dies...
  const inFlight: string[] = [];
  for (let i = 0; i < 3; i++) inFlight.push((await first.post('/opencheck/webhooks/test', { url: receiver.url })).webhook_id);
  await receiver.waitFor(3);
  // ...and three more were recorded an instant before it died.
  const justRecorded = await Promise.all([1, 2, 3].map(async () => (await first.post('/opencheck/webhooks/test', { url: receiver.url })).webhook_id));
  await kill(first);

  receiver.setFallback({ status: 200 });
  const second = await serve(t, env);
  const all = [...inFlight, ...justRecorded];
  const delivered = await receiver.waitFor(all.length, {
    timeoutMs: 20_000,
    match: (w) => w.answeredWith !== 'hang' && w.answeredWith !== 'drop' && w.answeredWith.status === 200,
  });
  assert.deepEqual(new Set(delivered.map((w) => w.headers['opencheck-webhook-id'])), new Set(all));

  let listed: any[] = [];
  for (let tries = 0; tries < 100; tries++) {
    listed = (await second.post('/opencheck/webhooks/list', {})).webhooks;
    if (listed.length === all.length && listed.every((w) => w.status === 'delivered')) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual(listed.map((w) => w.status), all.map(() => 'delivered'));
  for (const w of listed) assert.equal(w.attempts.at(-1).status_code, 200);
  await kill(second);
});
