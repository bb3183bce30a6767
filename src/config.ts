// One place that turns environment variables into a validated, frozen Config.
// Pure: main.ts passes process.env in; nothing here reads it.
import { hostRuleProblem } from './webhooks/destination-policy.js';

export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string } // path ':memory:' for a throwaway database
  | { dialect: 'postgres'; url: string; schema: string | null };

export interface Config {
  server: { host: string; port: number; bodyLimitBytes: number };
  database: DatabaseConfig;
  bootstrapClient: { clientId: string; secret: string } | null;
  clock: { startMs: number | null };
  log: { level: string };
  webhooks: WebhooksConfig;
  reports: {
    /** Serve the previous ready report while a newer one generates (Plaid's docs say gets read the newest, so off). */
    servePreviousWhileGenerating: boolean;
    /** Requests per minute per client on /cra/check_report/*; 0 disables the limit. */
    rateLimitPerMinute: number;
  };
}

export class ConfigError extends Error {}

const DEFAULT_SQLITE_PATH = '.opencheck/opencheck.db';

export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (!url) return { dialect: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) throw new ConfigError('DATABASE_URL: sqlite: needs a path or :memory:');
    return { dialect: 'sqlite', path };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema');
    parsed.searchParams.delete('schema');
    return { dialect: 'postgres', url: parsed.toString(), schema };
  }
  throw new ConfigError('DATABASE_URL must start with sqlite: or postgres://');
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number, problems: string[]) {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const problems: string[] = [];
  const port = integer('PORT', env.PORT, 8080, 0, 65535, problems);
  const bodyLimitBytes = integer('OPENCHECK_BODY_LIMIT', env.OPENCHECK_BODY_LIMIT, 1024 * 1024, 1024, 64 * 1024 * 1024, problems);
  let database: DatabaseConfig = { dialect: 'sqlite', path: DEFAULT_SQLITE_PATH };
  try {
    database = parseDatabaseUrl(env.DATABASE_URL);
  } catch (error) {
    problems.push((error as Error).message);
  }
  let startMs: number | null = null;
  if (env.OPENCHECK_START_TIME) {
    startMs = Date.parse(env.OPENCHECK_START_TIME);
    if (Number.isNaN(startMs)) problems.push('OPENCHECK_START_TIME must be an ISO 8601 instant');
  }
  const clientId = env.OPENCHECK_CLIENT_ID;
  const secret = env.OPENCHECK_SECRET;
  if (Boolean(clientId) !== Boolean(secret)) problems.push('OPENCHECK_CLIENT_ID and OPENCHECK_SECRET must be set together');
  if (secret && secret.length < 16) problems.push('OPENCHECK_SECRET must be at least 16 characters');
  const rateLimitPerMinute = integer('OPENCHECK_CRA_RATE_LIMIT', env.OPENCHECK_CRA_RATE_LIMIT, 100, 0, 1_000_000, problems);
  const servePrevious = (env.OPENCHECK_SERVE_PREVIOUS_REPORT ?? 'false').toLowerCase();
  if (!['true', 'false'].includes(servePrevious)) problems.push('OPENCHECK_SERVE_PREVIOUS_REPORT must be true or false');
  const webhooks = webhooksConfig(env, problems);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return Object.freeze({
    server: { host: env.HOST || '127.0.0.1', port, bodyLimitBytes },
    database,
    bootstrapClient: clientId && secret ? { clientId, secret } : null,
    clock: { startMs },
    log: { level: env.LOG_LEVEL || 'info' },
    webhooks,
    reports: { servePreviousWhileGenerating: servePrevious === 'true', rateLimitPerMinute },
  });
}

export interface WebhooksConfig {
  /** OPENCHECK_WEBHOOK_TIMEOUT_MS: an attempt without a response within this fails (Plaid: 10 s). */
  timeoutMs: number;
  /** OPENCHECK_WEBHOOK_FIRST_RETRY_MS: delay before the first retry, four times longer after each further failure (Plaid: 30 s). */
  firstRetryDelayMs: number;
  /** OPENCHECK_WEBHOOK_RETRY_HORIZON_MS: no retry is scheduled later than this after the webhook was recorded (Plaid: 24 h). */
  retryHorizonMs: number;
  /** OPENCHECK_WEBHOOK_ALLOW_HOSTS: when non-empty, only these destinations (see webhooks/destination-policy.ts). */
  allowHosts: string[];
  /** OPENCHECK_WEBHOOK_DENY_HOSTS: never these destinations. */
  denyHosts: string[];
  /** OPENCHECK_WEBHOOK_PER_DESTINATION_CONCURRENCY: attempts in flight per receiver origin. */
  perDestinationConcurrency: number;
  /** OPENCHECK_WEBHOOK_CONCURRENCY: delivery jobs running at once, across all receivers. */
  concurrency: number;
  /** OPENCHECK_WEBHOOK_KEY_SECRET: encrypts signing keys at rest when set. */
  keySecret: string | null;
}

function webhooksConfig(env: Record<string, string | undefined>, problems: string[]): WebhooksConfig {
  const hosts = (name: string): string[] => {
    const entries = (env[name] ?? '').split(',').map((e) => e.trim()).filter(Boolean);
    for (const entry of entries) {
      const problem = hostRuleProblem(entry);
      if (problem) problems.push(`${name}: ${problem}`);
    }
    return entries;
  };
  const day = 24 * 60 * 60 * 1000;
  const timeoutMs = integer('OPENCHECK_WEBHOOK_TIMEOUT_MS', env.OPENCHECK_WEBHOOK_TIMEOUT_MS, 10_000, 100, 600_000, problems);
  const firstRetryDelayMs = integer('OPENCHECK_WEBHOOK_FIRST_RETRY_MS', env.OPENCHECK_WEBHOOK_FIRST_RETRY_MS, 30_000, 0, day, problems);
  const retryHorizonMs = integer('OPENCHECK_WEBHOOK_RETRY_HORIZON_MS', env.OPENCHECK_WEBHOOK_RETRY_HORIZON_MS, day, 0, 30 * day, problems);
  const concurrency = integer('OPENCHECK_WEBHOOK_CONCURRENCY', env.OPENCHECK_WEBHOOK_CONCURRENCY, 64, 2, 10_000, problems);
  const perDestinationConcurrency = integer(
    'OPENCHECK_WEBHOOK_PER_DESTINATION_CONCURRENCY',
    env.OPENCHECK_WEBHOOK_PER_DESTINATION_CONCURRENCY,
    Math.min(8, Math.floor(concurrency / 2)),
    1,
    5_000,
    problems,
  );
  // A stuck receiver can hold twice its per-destination limit of delivery slots; the rest stay free for others.
  if (perDestinationConcurrency * 2 > concurrency) {
    problems.push('OPENCHECK_WEBHOOK_PER_DESTINATION_CONCURRENCY must be at most half of OPENCHECK_WEBHOOK_CONCURRENCY');
  }
  const keySecret = env.OPENCHECK_WEBHOOK_KEY_SECRET || null;
  if (keySecret !== null && keySecret.length < 16) problems.push('OPENCHECK_WEBHOOK_KEY_SECRET must be at least 16 characters');
  return {
    timeoutMs,
    firstRetryDelayMs,
    retryHorizonMs,
    allowHosts: hosts('OPENCHECK_WEBHOOK_ALLOW_HOSTS'),
    denyHosts: hosts('OPENCHECK_WEBHOOK_DENY_HOSTS'),
    perDestinationConcurrency,
    concurrency,
    keySecret,
  };
}
