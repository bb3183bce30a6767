// Builds the HTTP application from its dependencies. Never listens: main.ts
// (or a test) decides where it runs.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { newRequestId } from './identifiers.js';
import type { OperationDeps } from './operations/deps.js';
import { PlaidError, renderPlaidError } from './operations/plaid-errors.js';
import { lazyRequestLogger } from './api/request-logger.js';
import { registerRoutes } from './api/routes/index.js';
import { contract } from './api/schemas/contract.js';

export interface AppOptions {
  bodyLimitBytes: number;
}

export async function buildApp(deps: OperationDeps, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as unknown as FastifyBaseLogger,
    genReqId: () => newRequestId(),
    // Each request's child logger is made only if something is logged (see request-logger.ts).
    childLoggerFactory: lazyRequestLogger,
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    bodyLimit: options.bodyLimitBytes,
    // Plaid answers everything, including unknown routes, with its error object.
    return503OnClosing: true,
  });

  // Every body is taken as bytes; the Plaid route parses it, so that a wrong
  // content type or bad JSON gets Plaid's error rather than Fastify's.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addSchema({ $id: 'plaid', components: { schemas: contract.schemas } });

  app.setErrorHandler((error, request, reply) => {
    let plaidError: PlaidError;
    if (error instanceof PlaidError) plaidError = error;
    else if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      plaidError = new PlaidError('INVALID_BODY', `request body is larger than the limit of ${options.bodyLimitBytes} bytes`);
      reply.code(413);
      return reply.send(renderPlaidError(plaidError, request.id));
    } else if ((error as { code?: string }).code?.startsWith('FST_ERR_CTP_')) plaidError = new PlaidError('INVALID_BODY');
    else {
      request.log.error({ err: error }, 'unhandled error');
      plaidError = new PlaidError('INTERNAL_SERVER_ERROR');
    }
    reply.code(plaidError.status);
    return reply.send(renderPlaidError(plaidError, request.id));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(renderPlaidError(new PlaidError('NOT_FOUND'), request.id));
  });

  // Liveness for operators and orchestrators; not a Plaid route.
  app.get('/health', async () => ({ status: 'ok' }));

  registerRoutes(app, deps);
  return app;
}
