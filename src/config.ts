// One place that turns environment variables into a validated, frozen Config.
// Pure: main.ts passes process.env in; nothing here reads it.

export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string } // path ':memory:' for a throwaway database
  | { dialect: 'postgres'; url: string; schema: string | null };

export interface Config {
  server: { host: string; port: number; bodyLimitBytes: number };
  database: DatabaseConfig;
  bootstrapClient: { clientId: string; secret: string } | null;
  clock: { startMs: number | null };
  log: { level: string };
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
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return Object.freeze({
    server: { host: env.HOST || '127.0.0.1', port, bodyLimitBytes },
    database,
    bootstrapClient: clientId && secret ? { clientId, secret } : null,
    clock: { startMs },
    log: { level: env.LOG_LEVEL || 'info' },
  });
}
