// Composition root: the only module that reads process.env, the real clock,
// or exits the process.
import pino from 'pino';
import { buildProgram } from './cli/program.js';
import { ConfigError, loadConfig, type Config } from './config.js';

export async function main(argv: string[]): Promise<void> {
  let stop: (() => Promise<void>) | null = null;
  const program = buildProgram({
    config: () => loadConfig(process.env),
    realNowMs: () => Date.now(),
    logger: (config: Config) =>
      pino({
        level: config.log.level,
        // Credentials and identity never reach the logs.
        redact: { paths: ['req.headers["plaid-secret"]', 'req.headers.authorization', '*.secret', '*.identity', '*.consumer_report_user_identity'], censor: '[redacted]' },
      }),
    print: (text) => process.stdout.write(`${text}\n`),
    onServing: (s) => {
      stop = s;
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void (stop ? stop() : Promise.resolve()).finally(() => process.exit(0));
    });
  }
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
