// A local webhook receiver for tests and benchmarks: listens on
// 127.0.0.1:0, records every request (raw body bytes and headers), and can be
// scripted to answer with a status, hang, or drop the connection. Also a
// signature verifier written the way Plaid's docs tell integrators to write one.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TestContext } from 'node:test';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { PlaidApi } from 'plaid';

export type ReceiverBehaviour =
  | { status: number; body?: string; headers?: Record<string, string>; delayMs?: number }
  /** Never answer (until the receiver closes). */
  | 'hang'
  /** Close the connection without answering. */
  | 'drop';

export interface ReceivedWebhook {
  body: string;
  headers: IncomingHttpHeaders;
  /** performance.now() when the request's body had arrived. */
  receivedAt: number;
  /** What the receiver did with it. */
  answeredWith: ReceiverBehaviour;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answer the next requests with these behaviours, in order; afterwards `fallback` (default 200). */
  script(...behaviours: ReceiverBehaviour[]): void;
  setFallback(behaviour: ReceiverBehaviour): void;
  /** Resolves once `count` requests have arrived (optionally only those matching). */
  waitFor(count: number, options?: { timeoutMs?: number; match?: (w: ReceivedWebhook) => boolean }): Promise<ReceivedWebhook[]>;
  onRequest(listener: (w: ReceivedWebhook) => void): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(t?: TestContext, options: { port?: number } = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const scripted: ReceiverBehaviour[] = [];
  let fallback: ReceiverBehaviour = { status: 200, body: 'ok' };
  const listeners: Array<(w: ReceivedWebhook) => void> = [];
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const behaviour = scripted.shift() ?? fallback;
      const webhook: ReceivedWebhook = {
        body: Buffer.concat(chunks).toString('utf8'),
        headers: request.headers,
        receivedAt: performance.now(),
        answeredWith: behaviour,
      };
      received.push(webhook);
      for (const listener of listeners) listener(webhook);
      if (behaviour === 'hang') return;
      if (behaviour === 'drop') {
        request.socket.destroy();
        return;
      }
      const answer = () => response.writeHead(behaviour.status, { 'content-type': 'text/plain', ...behaviour.headers }).end(behaviour.body ?? '');
      if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs);
      else answer();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  let closed = false;
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    script: (...behaviours) => void scripted.push(...behaviours),
    setFallback: (behaviour) => void (fallback = behaviour),
    onRequest: (listener) => void listeners.push(listener),
    waitFor(count, { timeoutMs = 10_000, match = () => true } = {}) {
      return new Promise((resolve, reject) => {
        const matching = () => received.filter(match);
        if (matching().length >= count) return resolve(matching());
        const timer = setTimeout(() => reject(new Error(`expected ${count} webhooks, got ${matching().length} within ${timeoutMs} ms`)), timeoutMs);
        listeners.push(() => {
          if (matching().length >= count) {
            clearTimeout(timer);
            resolve(matching());
          }
        });
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  t?.after(() => receiver.close());
  return receiver;
}

/**
 * Verifies a webhook as Plaid's docs tell integrators to: read the JWT header,
 * require alg ES256, fetch the key by kid with /webhook_verification_key/get,
 * verify the signature, reject an iat older than 5 minutes, and compare the
 * body's SHA-256 with request_body_sha256 in constant time. `nowMs` is the
 * receiver's own clock. Keys are cached by kid, as a careful integrator would.
 */
export function plaidStyleVerifier(plaid: PlaidApi) {
  const keys = new Map<string, Awaited<ReturnType<typeof importJWK>>>();
  return async function verify(body: string, signedJwt: string | undefined, nowMs: number): Promise<{ ok: true } | { ok: false; reason: string }> {
    if (!signedJwt) return { ok: false, reason: 'no Plaid-Verification header' };
    const header = decodeProtectedHeader(signedJwt);
    if (header.alg !== 'ES256') return { ok: false, reason: `alg ${header.alg}` };
    const kid = header.kid!;
    let key = keys.get(kid);
    if (!key) {
      const { data } = await plaid.webhookVerificationKeyGet({ key_id: kid });
      key = await importJWK(data.key as never, 'ES256');
      keys.set(kid, key);
    }
    let payload: { iat?: number; request_body_sha256?: string };
    try {
      payload = JSON.parse(new TextDecoder().decode((await compactVerify(signedJwt, key)).payload));
    } catch {
      return { ok: false, reason: 'bad signature' };
    }
    if (typeof payload.iat !== 'number' || payload.iat < Math.floor(nowMs / 1000) - 5 * 60) return { ok: false, reason: 'iat older than 5 minutes' };
    const expected = Buffer.from(String(payload.request_body_sha256), 'utf8');
    const actual = Buffer.from(createHash('sha256').update(body).digest('hex'), 'utf8');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, reason: 'body hash mismatch' };
    return { ok: true };
  };
}
