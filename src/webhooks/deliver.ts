// One HTTP attempt at delivering a webhook, with undici. Safety rules: a hard
// deadline for the whole exchange (Plaid: 10 s), connect/headers/body
// timeouts within it, redirects never followed (a 3xx is a failed attempt),
// at most `maxResponseBytes` of the answer read, and the destination policy
// applied to the URL and to every address a host name resolves to.
//
// Latency is real elapsed time (monotonic), not the server clock: a simulated
// clock may jump, a socket does not.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent } from 'undici';
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

/** One attempt in flight: how to abort it, and whether its outcome is settled. */
interface Attempt {
  settled: boolean;
  /** Why it was aborted (the deadline or shutdown), if it was. */
  reason: Error | null;
  /** undici's abort for the request, once the request has started. */
  abortRequest: ((reason: Error) => void) | null;
  abort(reason: Error): void;
}

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
  // Attempts in flight, aborted at shutdown.
  const inFlight = new Set<Attempt>();
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

  function describeFailure(error: unknown, deadlineHit: boolean): string {
    const code = errorCode(error);
    if (deadlineHit || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return `timeout: no response within ${timeoutMs} ms`;
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return `timeout: could not connect within ${timeoutMs} ms`;
    if (code === 'EDESTINATIONDENIED') return (error as Error).message;
    if (code === 'UND_ERR_SOCKET') return 'connection error: the receiver closed the connection without answering';
    if (code) return `connection error: ${code}`;
    return `connection error: ${(error as Error).message}`;
  }

  function outcomeOf(response: { statusCode: number; location: string | null; chunks: Buffer[]; note: string | null }, latencyMs: number): DeliveryOutcome {
    const { statusCode, location, note } = response;
    const delivered = statusCode === 200;
    let error: string | null = null;
    if (!delivered) {
      error =
        statusCode >= 300 && statusCode < 400
          ? `status ${statusCode}: redirects are not followed${location ? ` (Location: ${location})` : ''}`
          : `status ${statusCode}: only 200 counts as delivered, as with Plaid`;
    }
    if (note && error) error = `${error}; ${note}`;
    return { answered: true, statusCode, delivered, latencyMs, error, responseBody: storedText(response.chunks) || null, interrupted: false };
  }

  return {
    // undici's dispatch with a handler rather than request(): no response stream, abort signal or
    // async resource per attempt, which cost twice what the exchange itself does on loopback.
    send({ url, body, headers }) {
      const started = monotonicMs();
      if (closed) return Promise.resolve({ answered: false, statusCode: null, delivered: false, latencyMs: 0, error: 'sender closed', responseBody: null, interrupted: true });
      return new Promise<DeliveryOutcome>((resolve) => {
        let deadlineHit = false;
        let latencyMs = 0;
        let response: { statusCode: number; location: string | null; chunks: Buffer[]; size: number; note: string | null } | null = null;
        const failure = (error: unknown): DeliveryOutcome => {
          const interrupted = attempt.reason instanceof ClosingError;
          return {
            answered: false,
            statusCode: null,
            delivered: false,
            latencyMs: Math.round(monotonicMs() - started),
            error: interrupted ? 'interrupted by shutdown' : describeFailure(error, deadlineHit),
            responseBody: null,
            interrupted,
          };
        };
        const finish = (outcome: DeliveryOutcome) => {
          if (attempt.settled) return;
          attempt.settled = true;
          clearTimeout(timer);
          inFlight.delete(attempt);
          resolve(outcome);
        };
        const attempt: Attempt = {
          settled: false,
          reason: null,
          abortRequest: null,
          abort(reason) {
            attempt.reason ??= reason;
            if (attempt.abortRequest) attempt.abortRequest(reason);
            // Not started yet (waiting for a connection): it is over all the same; undici drops it once it starts.
            else finish(failure(reason));
          },
        };
        const timer = setTimeout(() => {
          deadlineHit = true;
          attempt.abort(new Error('deadline'));
        }, timeoutMs);
        inFlight.add(attempt);
        try {
          agent.dispatch(
            { origin: url.origin, path: `${url.pathname}${url.search}`, method: 'POST', headers, body },
            {
              onConnect(abort: (reason: Error) => void) {
                attempt.abortRequest = abort;
                if (attempt.reason) abort(attempt.reason);
              },
              onHeaders(statusCode: number, rawHeaders: Buffer[]) {
                latencyMs = Math.round(monotonicMs() - started);
                let location: string | null = null;
                if (statusCode >= 300 && statusCode < 400) {
                  for (let i = 0; i < rawHeaders.length; i += 2) {
                    if (rawHeaders[i].toString('latin1').toLowerCase() === 'location') location = rawHeaders[i + 1].toString('latin1');
                  }
                }
                response = { statusCode, location, chunks: [], size: 0, note: null };
                return true;
              },
              onData(chunk: Buffer) {
                if (!response) return true;
                response.size += chunk.length;
                if (response.size > maxResponseBytes) {
                  // Keep the start, for diagnosis; the rest is discarded with the connection.
                  response.chunks.push(chunk.subarray(0, chunk.length - (response.size - maxResponseBytes)));
                  response.note = `response body exceeded ${maxResponseBytes} bytes and was cut off`;
                  finish(outcomeOf(response, latencyMs));
                  attempt.abortRequest?.(new Error('response too large'));
                  return false;
                }
                response.chunks.push(chunk);
                return true;
              },
              onComplete() {
                finish(response ? outcomeOf(response, latencyMs) : failure(new Error('no response')));
              },
              onError(error: Error) {
                if (!response) return finish(failure(error));
                // Answered, but the body broke off (a deadline or shutdown mid-body counts here too).
                response.note = `response body could not be read: ${errorCode(error) ?? error.message}`;
                finish(outcomeOf(response, latencyMs));
              },
            } as never,
          );
        } catch (error) {
          finish(failure(error));
        }
      });
    },
    async close() {
      closed = true;
      for (const attempt of [...inFlight]) attempt.abort(new ClosingError('closing'));
      await agent.destroy().catch(() => undefined);
    },
  };
}
