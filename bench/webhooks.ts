// Webhook delivery on the embedded default (SQLite file, table job queue):
// signed deliveries per second to a local receiver, latency from the causing
// commit to the receiver, and that latency again with a receiver that never
// answers taking part of the traffic. Receivers run in their own processes on
// loopback, as an integrator's app would; arrival times are compared with
// commit times on the shared wall clock (performance.timeOrigin + now()).
//
//   node --import tsx bench/webhooks.ts
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { recordWebhook } from '../src/operations/webhooks.js';
import { startOpencheck, type Opencheck } from '../src/runtime.js';

/** A receiver in a child process: answers 200 ("ok") or never ("hang"); reports each arrival. */
interface ChildReceiver {
  url: string;
  arrivals: Array<{ id: string; at: number }>;
  waitFor(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const RECEIVER_SOURCE = `
const http = require('node:http');
const mode = process.argv[2];
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    process.send({ id: req.headers['opencheck-webhook-id'], at: performance.timeOrigin + performance.now() });
    if (mode === 'ok') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
server.keepAliveTimeout = 10000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
`;

async function startChildReceiver(dir: string, mode: 'ok' | 'hang'): Promise<ChildReceiver> {
  const script = join(dir, 'receiver.cjs');
  writeFileSync(script, RECEIVER_SOURCE);
  const child: ChildProcess = fork(script, [mode], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const arrivals: Array<{ id: string; at: number }> = [];
  let waiting: { count: number; resolve: () => void } | null = null;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: { port?: number; id?: string; at?: number }) => {
      if (message.port !== undefined) return resolve(message.port);
      arrivals.push({ id: String(message.id), at: message.at! });
      if (waiting && arrivals.length >= waiting.count) waiting.resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    arrivals,
    waitFor(count, timeoutMs) {
      if (arrivals.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`receiver got ${arrivals.length} of ${count}`)), timeoutMs);
        waiting = {
          count,
          resolve: () => {
            clearTimeout(timer);
            waiting = null;
            resolve();
          },
        };
      });
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

const wallNow = () => performance.timeOrigin + performance.now();

const THROUGHPUT_WEBHOOKS = 5_000;
const LATENCY_EVENTS = 1_000;
const EVENT_INTERVAL_MS = 4; // ≈ 250 events/s
const DEAD_SHARE = 5; // every 5th event goes to the receiver that never answers

const body = (i: number) => ({ webhook_type: 'CHECK_REPORT', webhook_code: 'USER_CHECK_REPORT_READY', user_id: `usr_bench${i}`, successful_products: ['cra_base_report'], failed_products: [], item_ids: [], environment: 'sandbox' });

async function withServer<T>(dir: string, name: string, run: (o: Opencheck, clientId: string) => Promise<T>): Promise<T> {
  const clientId = `bench-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, `${name}.db`)}`, OPENCHECK_CLIENT_ID: clientId, OPENCHECK_SECRET: randomBytes(15).toString('hex') });
  const opencheck = await startOpencheck(config, { realNowMs: () => Date.now(), log: pino({ level: 'silent' }) });
  try {
    return await run(opencheck, clientId);
  } finally {
    await opencheck.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Records `count` webhooks to `url` in transactions of 100 (notifying after each), as fast as it can,
 * and times their arrival at the receiver and their recorded delivery.
 */
async function deliverBurst(o: Opencheck, clientId: string, receiver: ChildReceiver, first: number, count: number) {
  const deps = o.deps;
  const started = performance.now();
  const arrivedBefore = receiver.arrivals.length;
  const deliveredBefore = await countDelivered(o);
  for (let batch = 0; batch < count / 100; batch++) {
    await deps.store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 100; i++) await recordWebhook(trx, deps, { clientId, userId: null, reportId: null, url: receiver.url, body: body(first + batch * 100 + i) });
    });
    deps.jobs.notify();
  }
  const recorded = performance.now() - started;
  await receiver.waitFor(arrivedBefore + count, 120_000);
  const received = performance.now() - started;
  // Every attempt recorded too, not only sent.
  while ((await countDelivered(o)) < deliveredBefore + count) await new Promise((resolve) => setTimeout(resolve, 5));
  const settled = performance.now() - started;
  return { recorded, received, settled };
}

async function countDelivered(o: Opencheck): Promise<number> {
  const row = await o.deps.store.db.selectFrom('webhooks').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'delivered').executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function throughput(dir: string): Promise<Record<string, number>> {
  const receiver = await startChildReceiver(dir, 'ok');
  try {
    return await withServer(dir, 'throughput', async (o, clientId) => {
      // From a cold start (the figure tracked since the first run), then again on the warmed-up
      // server: a long-running server's throughput, once the JIT has compiled the delivery path.
      const cold = await deliverBurst(o, clientId, receiver, 0, THROUGHPUT_WEBHOOKS);
      const warm = await deliverBurst(o, clientId, receiver, THROUGHPUT_WEBHOOKS, THROUGHPUT_WEBHOOKS);
      const perSecond = (ms: number) => Math.round(THROUGHPUT_WEBHOOKS / (ms / 1000));
      return {
        'throughput.webhooks': THROUGHPUT_WEBHOOKS,
        'throughput.record_ms': round(cold.recorded),
        'throughput.deliveries_per_s': perSecond(cold.received),
        'throughput.delivered_and_recorded_per_s': perSecond(cold.settled),
        'throughput.warm_deliveries_per_s': perSecond(warm.received),
        'throughput.warm_delivered_and_recorded_per_s': perSecond(warm.settled),
      };
    });
  } finally {
    await receiver.close();
  }
}

/** Paced events, each committing one webhook; latency = receiver arrival − commit. */
async function latency(dir: string, name: string, dead: ChildReceiver | null): Promise<{ p50: number; p99: number; max: number }> {
  const receiver = await startChildReceiver(dir, 'ok');
  try {
    return await withServer(dir, name, async (o, clientId) => {
      const deps = o.deps;
      const committedAt = new Map<string, number>();
      let healthy = 0;
      for (let i = 0; i < LATENCY_EVENTS; i++) {
        const toDead = dead !== null && i % DEAD_SHARE === DEAD_SHARE - 1;
        const url = toDead ? dead.url : receiver.url;
        const id = await deps.store.db.transaction().execute((trx) => recordWebhook(trx, deps, { clientId, userId: null, reportId: null, url, body: body(i) }));
        if (!toDead) {
          committedAt.set(id, wallNow());
          healthy += 1;
        }
        deps.jobs.notify();
        await new Promise((resolve) => setTimeout(resolve, EVENT_INTERVAL_MS));
      }
      await receiver.waitFor(healthy, 60_000);
      const sorted = receiver.arrivals.map((a) => a.at - committedAt.get(a.id)!).sort((a, b) => a - b);
      return { p50: round(percentile(sorted, 50), 2), p99: round(percentile(sorted, 99), 2), max: round(sorted.at(-1)!, 2) };
    });
  } finally {
    await receiver.close();
  }
}

export async function benchWebhooks(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'opencheck-bench-webhooks-'));
  try {
    const results: Record<string, number> = { ...(await throughput(dir)) };
    const alone = await latency(dir, 'latency', null);
    const dead = await startChildReceiver(dir, 'hang');
    let withDead: { p50: number; p99: number; max: number };
    try {
      withDead = await latency(dir, 'latency-dead', dead);
    } finally {
      await dead.close();
    }
    Object.assign(results, {
      'latency.events_per_s': Math.round(1000 / EVENT_INTERVAL_MS),
      'latency.p50_ms': alone.p50,
      'latency.p99_ms': alone.p99,
      'latency.max_ms': alone.max,
      'latency_with_dead_receiver.dead_share': 1 / DEAD_SHARE,
      'latency_with_dead_receiver.p50_ms': withDead.p50,
      'latency_with_dead_receiver.p99_ms': withDead.p99,
      'latency_with_dead_receiver.max_ms': withDead.max,
      'latency_with_dead_receiver.p99_ratio': round(withDead.p99 / alone.p99, 2),
    });
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchWebhooks();
  for (const [name, value] of Object.entries(results)) console.log(`${name}: ${value}`);
  process.exit(0);
}
