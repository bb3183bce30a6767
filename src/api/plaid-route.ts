// Every Plaid operation goes through the same steps, in Plaid's order (brief
// §D.2): parse the JSON body, authenticate (headers first, then body),
// validate against the contract, then run the operation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OperationDeps } from '../operations/deps.js';
import { cachedClientAuthenticator } from '../operations/clients.js';
import { PlaidError } from '../operations/plaid-errors.js';
import { contract, ownRequestValidator, requestValidator, validateOwnRequest, validateRequest } from './schemas/contract.js';
import { rateLimiter } from './rate-limit.js';

type Json = Record<string, any>;

export interface PlaidRequestContext {
  requestId: string;
  clientId: string;
  request: FastifyRequest;
}

export interface PlaidResponse {
  status?: number;
  body: Json;
}

export interface BinaryResponse {
  contentType: string;
  bytes: Buffer;
}

/** A serialised JSON body (bytes of an object without request_id), e.g. a stored report. */
export interface PreserialisedResponse {
  /** JSON text of an object, without its closing brace's request_id. */
  json: Buffer;
}

export interface PlaidRoute {
  path: string;
  /** Hidden or legacy fields Plaid accepts and ignores; removed before validation. */
  ignoredFields?: string[];
  /** Body schema of an opencheck endpoint that is not in Plaid's contract (credentials are allowed in addition). */
  bodySchema?: Record<string, unknown>;
  handle(ctx: PlaidRequestContext, body: Json): Promise<PlaidResponse | BinaryResponse | PreserialisedResponse>;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function parseJsonBody(request: FastifyRequest): Json {
  const contentType = header(request, 'content-type');
  if (!contentType) throw new PlaidError('INVALID_HEADERS', 'the Content-Type header is missing; it must be application/json');
  if (!/^application\/json\s*(;|$)/i.test(contentType)) throw new PlaidError('INVALID_BODY');
  const raw = request.body;
  if (!Buffer.isBuffer(raw) || raw.length === 0) throw new PlaidError('INVALID_BODY');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new PlaidError('INVALID_BODY');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new PlaidError('INVALID_BODY');
  return parsed as Json;
}

function credential(name: 'client_id' | 'secret', fromHeader: string | undefined, fromBody: unknown): string {
  const value = fromHeader !== undefined ? fromHeader : fromBody;
  if (typeof value !== 'string' || value.length === 0) {
    throw new PlaidError('INVALID_FIELD', `${name} must be a properly formatted, non-empty string`);
  }
  return value;
}

export type ClientAuthenticator = (clientId: string, secret: string) => Promise<string>;

export function clientAuthenticator(deps: OperationDeps): ClientAuthenticator {
  return cachedClientAuthenticator({ clients: deps.repos.clients, clock: deps.clock });
}

/** Headers win; a body value that disagrees with a header is treated as a wrong key (brief §G.24). */
export async function authenticate(authenticateClient: ClientAuthenticator, request: FastifyRequest, body: Json): Promise<string> {
  const headerId = header(request, 'plaid-client-id');
  const headerSecret = header(request, 'plaid-secret');
  const clientId = credential('client_id', headerId, body.client_id);
  const secret = credential('secret', headerSecret, body.secret);
  if ((headerId !== undefined && body.client_id !== undefined && body.client_id !== headerId) ||
      (headerSecret !== undefined && body.secret !== undefined && body.secret !== headerSecret)) {
    throw new PlaidError('INVALID_API_KEYS');
  }
  return authenticateClient(clientId, secret);
}

/** Plaid limits these per client (brief §A.4). */
const RATE_LIMITED = /^\/cra\/(check_report|monitoring_insights)\//;

export function registerPlaidRoute(app: FastifyInstance, deps: OperationDeps, route: PlaidRoute, authenticateClient: ClientAuthenticator): void {
  const operation = contract.operations[route.path];
  const limit = RATE_LIMITED.test(route.path) ? deps.config.reports.rateLimitPerMinute : 0;
  const limiter = limit > 0 ? rateLimiter(deps.clock, limit, 60_000) : null;
  const ownSchema = route.bodySchema
    ? { ...route.bodySchema, properties: { client_id: { type: 'string' }, secret: { type: 'string' }, ...(route.bodySchema.properties as object) } }
    : null;
  // Validators are compiled now, not on the first request: a schema that cannot compile stops the
  // server at start, and the first requests after start do not wait for compilation (20 ms for create).
  if (operation?.request) requestValidator(route.path);
  else if (ownSchema) ownRequestValidator(ownSchema);
  const responseSchema =
    operation?.response && operation.responseContentType === 'application/json'
      ? { $ref: `plaid#/components/schemas/${operation.response}` }
      : undefined;
  app.route({
    method: 'POST',
    url: route.path,
    schema: responseSchema ? { response: { 200: responseSchema, 201: responseSchema } } : undefined,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const body = parseJsonBody(request);
      const clientId = await authenticate(authenticateClient, request, body);
      if (limiter && !limiter.take(clientId)) throw new PlaidError('RATE_LIMIT');
      for (const field of route.ignoredFields ?? []) delete body[field];
      if (operation?.request) validateRequest(route.path, body);
      else if (ownSchema) validateOwnRequest(ownSchema, body);
      const result = await route.handle({ requestId: request.id, clientId, request }, body);
      if ('bytes' in result) {
        reply.header('Plaid-Request-ID', request.id).type(result.contentType);
        return reply.send(result.bytes);
      }
      if ('json' in result) {
        // Stored report bytes are served as they are, with request_id appended.
        const tail = Buffer.from(`,"request_id":${JSON.stringify(request.id)}}`);
        reply.type('application/json; charset=utf-8');
        return reply.send(Buffer.concat([result.json.subarray(0, result.json.lastIndexOf('}')), tail]));
      }
      reply.code(result.status ?? 200);
      return { ...result.body, request_id: request.id };
    },
  });
}
