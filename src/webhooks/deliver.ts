// One HTTP attempt at delivering a webhook, with undici. Safety rules: a hard
// deadline for the whole exchange (Plaid: 10 s), connect/headers/body
// timeouts within it, redirects never followed (a 3xx is a failed attempt),
// at most `maxResponseBytes` of the answer read, and the destination policy
// applied to the URL and to every address a host name resolves to.
//
// Latency is real elapsed time (monotonic), not the server clock: a simulated
// clock may jump, a socket does not.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, request } from 'undici';
import type { DestinationPolicy } from './destination-policy.js';

export interface DeliveryOutcome {
  /** The receiver sent a response (whatever its status). */
  answered: boolean;
  statusCode: number | null;
  /** Plaid's rule: only 200 counts as delivered. */
  delivered: boolean;
  latencyMs: number;
  /** Why the attempt failed, in words for the integrator; null when delivered. */
  error: string | null;
  /** The start of the receiver's answer, for diagnosis. */
  responseBody: string | null;
  /** The sender was closed mid-attempt (shutdown): not the receiver's fault, not an attempt. */
  interrupted: boolean;
}

export interface WebhookSenderOptions {
  timeoutMs: number;
  /** Read at most this much of a response; the rest is discarded with the connection. */
  maxResponseBytes: number;
  policy: DestinationPolicy;
  monotonicMs: () => number;
}

export interface WebhookSender {
  send(input: { url: URL; body: string; headers: Record<string, string> }): Promise<DeliveryOutcome>;
  /** Aborts attempts in flight (they report `interrupted`) and closes connections. */
  close(): Promise<void>;
}

const STORED_RESPONSE_CHARS = 1024;

class ClosingError extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function storedText(chunks: Buffer[]): string {
  return Buffer.concat(chunks).toString('utf8').slice(0, STORED_RESPONSE_CHARS);
}

function errorCode(error: unknown): string | undefined {
  const direct = (error as { code?: unknown })?.code;
  if (typeof direct === 'string') return direct;
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

export function webhookSender(options: WebhookSenderOptions): WebhookSender {
  const { timeoutMs, maxResponseBytes, policy, monotonicMs } = options;
  // Attempts in flight, aborted at shutdown. A set rather than a listener per attempt on one
  // shutdown signal: adding and removing EventTarget listeners costs more than the set.
  const inFlight = new Set<AbortController>();
  let closed = false;

  // Host names are checked against the policy's address rules after DNS and
  // before connecting; IP literals never reach lookup (checkUrl covers them).
  function guardedLookup(hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const reason = policy.checkResolvedAddress(hostname, address);
        if (reason) return callback(Object.assign(new Error(reason), { code: 'EDESTINATIONDENIED' }), []);
      }
      if (lookupOptions.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  }

  const agent = new Agent({
    connect: { timeout: timeoutMs, lookup: guardedLookup as never },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 4_000,
    pipelining: 1,
  });

  // Listeners rather than async iteration: cheaper per response, and every attempt reads one.
  function readSome(body: NodeJS.ReadableStream & { destroy(): void }): Promise<{ text: string; note: string | null }> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) {
          body.destroy();
          resolve({ text: storedText(chunks), note: `response body exceeded ${maxResponseBytes} bytes and was cut off` });
          return;
        }
        chunks.push(chunk);
      });
      body.on('end', () => resolve({ text: storedText(chunks), note: null }));
      body.on('error', (error: unknown) =>
        resolve({ text: storedText(chunks), note: `response body could not be read: ${errorCode(error) ?? (error as Error).message}` }),
      );
    });
  }

  function describeFailure(error: unknown, deadlineHit: boolean): string {
    const code = errorCode(error);
    if (deadlineHit || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return `timeout: no response within ${timeoutMs} ms`;
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return `timeout: could not connect within ${timeoutMs} ms`;
    if (code === 'EDESTINATIONDENIED') return (error as Error).message;
    if (code === 'UND_ERR_SOCKET') return 'connection error: the receiver closed the connection without answering';
    if (code) return `connection error: ${code}`;
    return `connection error: ${(error as Error).message}`;
  }

  return {
    async send({ url, body, headers }) {
      const started = monotonicMs();
      if (closed) return { answered: false, statusCode: null, delivered: false, latencyMs: 0, error: 'sender closed', responseBody: null, interrupted: true };
      const deadline = new AbortController();
      let deadlineHit = false;
      const timer = setTimeout(() => {
        deadlineHit = true;
        deadline.abort(new Error('deadline'));
      }, timeoutMs);
      inFlight.add(deadline);
      try {
        const response = await request(url, { method: 'POST', headers, body, dispatcher: agent, signal: deadline.signal });
        const latencyMs = Math.round(monotonicMs() - started);
        const { text, note } = await readSome(response.body as never);
        const statusCode = response.statusCode;
        const delivered = statusCode === 200;
        let error: string | null = null;
        if (!delivered) {
          const location = response.headers.location;
          error =
            statusCode >= 300 && statusCode < 400
              ? `status ${statusCode}: redirects are not followed${location ? ` (Location: ${String(location)})` : ''}`
              : `status ${statusCode}: only 200 counts as delivered, as with Plaid`;
        }
        if (note && error) error = `${error}; ${note}`;
        return { answered: true, statusCode, delivered, latencyMs, error, responseBody: text || null, interrupted: false };
      } catch (caught) {
        const interrupted = deadline.signal.reason instanceof ClosingError;
        return {
          answered: false,
          statusCode: null,
          delivered: false,
          latencyMs: Math.round(monotonicMs() - started),
          error: interrupted ? 'interrupted by shutdown' : describeFailure(caught, deadlineHit),
          responseBody: null,
          interrupted,
        };
      } finally {
        clearTimeout(timer);
        inFlight.delete(deadline);
      }
    },
    async close() {
      closed = true;
      for (const attempt of inFlight) attempt.abort(new ClosingError('closing'));
      await agent.destroy().catch(() => undefined);
    },
  };
}
