// Opens the database named by the config (embedded SQLite by default, or
// PostgreSQL) behind one Kysely instance, and migrates it.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { migrationProvider } from './migrations/index.js';
import { sqliteGroupCommit, transactionPerCall, type GroupCommit } from './group-commit.js';
import { storeReadCaches, type StoreReadCaches } from './read-cache.js';
import type { Database } from './schema.js';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** For PostgreSQL: the connection string and schema, so pg-boss can share the database. */
  postgres: { url: string; schema: string | null } | null;
  /** Caches of hot reads; kept only for SQLite, whose one writer is this process (see read-cache.ts). */
  readCaches: StoreReadCaches | null;
  /** For a SQLite file opened with walCheckpointWorker: the worker thread that checkpoints its WAL. */
  walCheckpointer: WalCheckpointer | null;
  /** Runs work in a transaction, shared on SQLite with work submitted alongside (see group-commit.ts). */
  groupCommit: GroupCommit;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /**
   * Checkpoint a SQLite file's WAL from a worker thread (see wal-checkpointer.ts): for the
   * long-running server. Short-lived stores (CLI commands) leave it to SQLite's commits.
   */
  walCheckpointWorker?: boolean;
  /** Errors of background work the store does on its own (the WAL checkpoint worker). */
  onBackgroundError?: (error: unknown) => void;
  /** How often the SQLite WAL is checkpointed, from a worker thread. Default 250 ms. */
  walCheckpointIntervalMs?: number;
}

function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid schema name ${name}`);
  return `"${name}"`;
}

/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs more
 * than running the small queries a request makes. Statements are reusable, so
 * keep the most recent ones by their SQL text.
 */
function withStatementCache(database: SQLite.Database, capacity = 512): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = database.prepare.bind(database);
  // Methods bound once: binding on every access costs microseconds per query.
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        let method = bound.get(property);
        if (method === undefined) bound.set(property, (method = value.bind(target)));
        return method;
      }
      return preparedStatement;
    },
  });

  function preparedStatement(source: string): SQLite.Statement {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = prepare(source);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }
}

export async function openStore(config: DatabaseConfig, options: OpenStoreOptions = {}): Promise<Store> {
  if (config.dialect === 'sqlite') {
    if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
    const database = new SQLite(config.path);
    // WAL lets readers proceed while the report worker writes; the busy timeout
    // absorbs short lock waits instead of failing requests.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
    // A 16 MB page cache (default 2 MB) keeps report reads off the file.
    database.pragma('cache_size = -16384');
    const walCheckpointer =
      config.path === ':memory:' || !options.walCheckpointWorker
        ? null
        : startWalCheckpointer(database, config.path, {
            intervalMs: options.walCheckpointIntervalMs ?? 250,
            onError: options.onBackgroundError ?? (() => {}),
          });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    return {
      db,
      dialect: 'sqlite',
      postgres: null,
      readCaches: storeReadCaches(),
      walCheckpointer,
      groupCommit: sqliteGroupCommit(db),
      async close() {
        // The worker's connection goes first, so the writer's close is the last one and folds the WAL in.
        await walCheckpointer?.stop();
        await db.destroy();
      },
    };
  }
  if (config.schema) {
    const bootstrap = new pg.Client({ connectionString: config.url });
    await bootstrap.connect();
    try {
      await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(config.schema)}`);
    } finally {
      await bootstrap.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${quoteIdent(config.schema)}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', postgres: { url: config.url, schema: config.schema }, readCaches: null, walCheckpointer: null, groupCommit: transactionPerCall(db), close: () => db.destroy() };
}

export async function migrate(store: Store): Promise<string[]> {
  // Unordered: a database migrated by an older build may lack a lower-numbered migration added later.
  // Kysely's bookkeeping tables go in the store's own schema, so databases
  // that hold several opencheck schemas never see each other's lock table.
  const schema = store.postgres?.schema ?? undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider,
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema, migrationLockTableSchema: schema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely looks its tables up through information_schema, whose views can fail
  // while another schema of the same database is being dropped ("schema … does
  // not exist"). Migrating is idempotent and locked, so a race is retried.
  for (let retry = 0; error && store.dialect === 'postgres' && retry < 3; retry += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100 * (retry + 1)));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) throw new Error(`database migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Cheap liveness probe used by /health. */
export async function ping(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}
