// Assembles a running opencheck from a Config: store, clock, app. Used by the
// CLI's serve command and by tests that need the whole server in-process.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { simulatedClock, type SimulatedClock } from './clock.js';
import type { Config, DatabaseConfig } from './config.js';
import { createClient, ensureClient } from './operations/clients.js';
import type { OperationDeps } from './operations/deps.js';
import { migrate, openStore, type OpenStoreOptions, type Store } from './store/db.js';
import { accessLogWriter } from './store/access-log-writer.js';
import { createRepositories } from './store/repositories/index.js';
import { pgBossJobQueue } from './jobs/pg-boss-job-queue.js';
import { tableJobQueue } from './jobs/table-job-queue.js';
import { registerJobHandlers } from './operations/job-handlers.js';
import { ensureSigningKey } from './operations/webhook-keys.js';
import { registerWebhookJobs } from './operations/webhooks.js';
import { storedClockAdvanceMs } from './operations/sandbox-clock.js';

export interface Opencheck {
  app: FastifyInstance;
  deps: OperationDeps;
  clock: SimulatedClock;
  /** Credentials to print: the configured client, or a development client minted now. */
  credentials: { clientId: string; secret: string | null; created: boolean };
  close(): Promise<void>;
}

const DEV_CLIENT_SETTING = 'development_client_id';

export async function openMigratedStore(database: DatabaseConfig, options: OpenStoreOptions = {}): Promise<Store> {
  const store = await openStore(database, options);
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

export async function startOpencheck(config: Config, env: { realNowMs: () => number; log: Logger; random?: () => number }): Promise<Opencheck> {
  const store = await openMigratedStore(config.database, {
    walCheckpointWorker: true,
    onBackgroundError: (err) => env.log.error({ err }, 'WAL checkpoint worker failed; SQLite checkpoints on commit again'),
  });
  const clock = simulatedClock(env.realNowMs, config.clock.startMs);
  const random = env.random ?? Math.random;
  // PostgreSQL may be shared by several server processes, so its queue is too.
  const jobs =
    store.dialect === 'postgres'
      ? pgBossJobQueue({ store, clock, log: env.log, random })
      : tableJobQueue({ db: store.db, clock, log: env.log, random });
  const deps: OperationDeps = { store, repos: createRepositories(store.db, store.readCaches), accessLog: accessLogWriter(store.db), clock, log: env.log, jobs, random, config };
  clock.advance(await storedClockAdvanceMs(deps));
  const credentials = await bootstrapCredentials(deps, config);
  // The installation's webhook signing key: created once, kept across restarts.
  await ensureSigningKey(deps).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const app = await buildApp(deps, { bodyLimitBytes: config.server.bodyLimitBytes });
  registerJobHandlers(deps);
  const webhooks = registerWebhookJobs(deps, { wallClockMs: env.realNowMs, monotonicMs: () => performance.now() });
  await jobs.start();
  return {
    app,
    deps,
    clock,
    credentials,
    async close() {
      await app.close();
      // Attempts in flight are aborted, not waited for (up to the webhook timeout); their jobs run again at the next start.
      await Promise.all([jobs.stop(), webhooks.close()]);
      await store.close();
    },
  };
}

async function bootstrapCredentials(deps: OperationDeps, config: Config): Promise<Opencheck['credentials']> {
  const clients = { clients: deps.repos.clients, clock: deps.clock };
  if (config.bootstrapClient) {
    const created = await ensureClient(clients, { name: 'configured', ...config.bootstrapClient });
    return { clientId: config.bootstrapClient.clientId, secret: config.bootstrapClient.secret, created };
  }
  // A development client is minted once; its secret is shown only then, since
  // only its hash is kept.
  const existing = await deps.store.db.selectFrom('settings').select('value').where('key', '=', DEV_CLIENT_SETTING).executeTakeFirst();
  if (existing && (await deps.repos.clients.find(existing.value))) return { clientId: existing.value, secret: null, created: false };
  const minted = await createClient(clients, { name: 'development' });
  await deps.store.db.deleteFrom('settings').where('key', '=', DEV_CLIENT_SETTING).execute();
  await deps.store.db.insertInto('settings').values({ key: DEV_CLIENT_SETTING, value: minted.clientId }).execute();
  return { clientId: minted.clientId, secret: minted.secret, created: true };
}
