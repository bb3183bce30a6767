// The opencheck command line. Commands are thin: they call operations and
// print. Configuration comes in from main.ts; nothing here reads process.env.
import { Command } from 'commander';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createClient, listClients } from '../operations/clients.js';
import { migrate, openStore, type Store } from '../store/db.js';
import { createRepositories } from '../store/repositories/index.js';
import { simulatedClock, type SimulatedClock } from '../clock.js';
import { openMigratedStore, startOpencheck } from '../runtime.js';
import { listSigningKeys, rotateSigningKey } from '../operations/webhook-keys.js';

export interface CliEnv {
  config: () => Config;
  realNowMs: () => number;
  logger: (config: Config) => Logger;
  print: (text: string) => void;
  /** Called once the server is listening, with a function that stops it. */
  onServing: (stop: () => Promise<void>) => void;
}

/** Runs a command against the migrated database named by the configuration, then closes it. */
async function withStore<T>(env: CliEnv, run: (context: { store: Store; clock: SimulatedClock; config: Config }) => Promise<T>): Promise<T> {
  const config = env.config();
  const store = await openMigratedStore(config.database);
  try {
    return await run({ store, clock: simulatedClock(env.realNowMs, config.clock.startMs), config });
  } finally {
    await store.close();
  }
}

export function buildProgram(env: CliEnv): Command {
  const program = new Command()
    .name('opencheck')
    .description('A self-hostable, wire-compatible implementation of Plaid Check (Consumer Report API).')
    .showHelpAfterError();

  program
    .command('serve')
    .description('start the API server (PORT, HOST, DATABASE_URL, OPENCHECK_* configure it)')
    .action(async () => {
      const config = env.config();
      const opencheck = await startOpencheck(config, { realNowMs: env.realNowMs, log: env.logger(config) });
      const address = await opencheck.app.listen({ host: config.server.host, port: config.server.port });
      const { clientId, secret, created } = opencheck.credentials;
      env.print(`opencheck listening on ${address}`);
      env.print(`  client_id: ${clientId}`);
      if (secret && (created || config.bootstrapClient === null)) env.print(`  secret:    ${secret}`);
      else if (config.bootstrapClient) env.print('  secret:    (OPENCHECK_SECRET)');
      else env.print('  secret:    shown when this development client was created; `opencheck client create` mints another');
      env.onServing(() => opencheck.close());
    });

  const client = program.command('client').description('manage API clients (client_id + secret)');
  client
    .command('create')
    .description('create an API client in the database named by DATABASE_URL and print its credentials')
    .requiredOption('--name <name>', 'a name for the client')
    .option('--json', 'print one JSON object {client_id, secret, name}')
    .action(async (options: { name: string; json?: boolean }) => {
      await withStore(env, async ({ store, clock }) => {
        const { clientId, secret } = await createClient({ clients: createRepositories(store.db, store.readCaches).clients, clock }, { name: options.name });
        if (options.json) env.print(JSON.stringify({ client_id: clientId, secret, name: options.name }));
        else env.print(`client_id: ${clientId}\nsecret:    ${secret}\n(the secret is stored hashed and cannot be shown again)`);
      });
    });
  client
    .command('list')
    .description('list API clients (ids and names; secrets are never shown)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withStore(env, async ({ store, clock }) => {
        const clients = await listClients({ clients: createRepositories(store.db, store.readCaches).clients, clock });
        if (options.json) env.print(JSON.stringify(clients.map((c) => ({ client_id: c.clientId, name: c.name, created_at: c.createdAt }))));
        else for (const c of clients) env.print(`${c.clientId}  ${c.name}  ${c.createdAt}`);
      });
    });

  program
    .command('migrate')
    .description('create or upgrade the database schema named by DATABASE_URL')
    .action(async () => {
      const config = env.config();
      const store = await openStore(config.database);
      try {
        const applied = await migrate(store);
        env.print(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await store.close();
      }
    });

  // Rotation is an operator's decision, never automatic: receivers that cache
  // the first key they fetched (Plaid's current docs sample does) break on it.
  const webhookKey = program.command('webhook-key').description('manage the webhook signing keys (Plaid-Verification)');
  webhookKey
    .command('rotate')
    .description('sign webhooks with a new key from now on; the old key stays available to verifiers, with expired_at set')
    .option('--json', 'print one JSON object {key_id, retired_key_id}')
    .action(async (options: { json?: boolean }) => {
      await withStore(env, async ({ store, clock, config }) => {
        const { keyId, retiredKeyId } = await rotateSigningKey({ store, clock, config });
        if (options.json) env.print(JSON.stringify({ key_id: keyId, retired_key_id: retiredKeyId }));
        else env.print(`signing key: ${keyId}\nretired:     ${retiredKeyId ?? '(none)'}\n(a running server switches within a second)`);
      });
    });
  webhookKey
    .command('list')
    .description('list signing keys (ids and dates; private keys are never shown)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withStore(env, async ({ store, clock, config }) => {
        const keys = await listSigningKeys({ store, clock, config });
        if (options.json) env.print(JSON.stringify(keys.map((k) => ({ key_id: k.keyId, created_at: k.createdAt, expired_at: k.expiredAt, current: k.current }))));
        else for (const k of keys) env.print(`${k.keyId}  ${k.current ? 'current' : `expired ${k.expiredAt}`}  created ${k.createdAt}`);
      });
    });

  return program;
}
