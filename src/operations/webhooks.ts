// Webhooks a receiver can trust (brief §E): a durable outbox, signed
// deliveries with Plaid's retry schedule, per-destination isolation, and a
// record of every attempt.
//
// Flow: the state change that causes a webhook calls recordWebhook inside its
// own transaction, which writes the outbox row and enqueues a delivery job;
// the caller calls deps.jobs.notify() after commit. The delivery job signs the
// stored body afresh (new iat) and POSTs it. Delivery is at least once: a
// crash after the receiver answered but before the attempt was recorded sends
// it again, with the same `Opencheck-Webhook-Id` header, so receivers can
// recognise duplicates. The attempt is recorded in the transaction that
// finishes (or reschedules) the delivery job, so the two never disagree. The
// JSON body is exactly what Plaid would send.
import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { newTimeOrderedId } from '../identifiers.js';
import type { Job, JobOutcome } from '../jobs/job-queue.js';
import type { Database } from '../store/schema.js';
import { webhooksRepository, type AttemptEffect, type AttemptRecord, type AttemptTrigger, type WebhookRecord, type WebhookState } from '../store/repositories/webhooks.js';
import { destinationLimiter } from '../webhooks/destination-limiter.js';
import { destinationPolicy } from '../webhooks/destination-policy.js';
import { webhookSender, type DeliveryOutcome } from '../webhooks/deliver.js';
import { receiverRejections } from '../webhooks/receiver-rejections.js';
import { PLAID_RETRY_POLICY, nextAttemptAtMs, type RetryPolicy } from '../webhooks/retry-schedule.js';
import { SIGNATURE_HEADER, serialiseWebhookBody, signWebhookBody } from '../webhooks/sign.js';
import { isoNow, type OperationDeps } from './deps.js';
import { PlaidError } from './plaid-errors.js';
import { signingKeyring } from './webhook-keys.js';

export const WEBHOOK_DELIVERY_QUEUE = 'webhooks.deliver';
/** Stable per webhook, identical on every attempt and resend: the receiver's de-duplication key. */
export const WEBHOOK_ID_HEADER = 'Opencheck-Webhook-Id';

/** The handler only throws on storage faults; this many tries before the queue gives up on the job. */
const JOB_MAX_ATTEMPTS = 50;
/** Longest a delivery job waits for a slot at a busy receiver before giving its queue slot back. */
const MAX_SLOT_WAIT_MS = 500;
/** Read at most this much of a receiver's answer. */
const MAX_RESPONSE_BYTES = 64 * 1024;
/** Why a webhook that could still be retried was not (Plaid's 90% rule, brief §E.2). */
export const REJECTION_CUT_OFF_MESSAGE = 'no more retries: this receiver rejected more than 90% of its webhooks in the last 24 hours';
/** How soon a rotation made by another process (the CLI) is picked up. */
const KEY_REFRESH_MS = 1_000;

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export interface RecordWebhookInput {
  clientId: string;
  userId: string | null;
  reportId: string | null;
  url: string;
  body: Record<string, unknown>;
}

/**
 * Puts a webhook in the outbox and enqueues its delivery, inside the caller's
 * transaction: it exists exactly when the state change that caused it
 * commits. Call `deps.jobs.notify()` after commit. An unusable URL is not an
 * error here (it must not undo the caller's change); its delivery fails and
 * the attempt says why.
 */
export async function recordWebhook(trx: Kysely<Database>, deps: OperationDeps, input: RecordWebhookInput): Promise<string> {
  // Time-ordered: the outbox is written, delivered and updated in creation order, so its index pages stay few.
  const webhookId = newTimeOrderedId(deps.clock.nowMs());
  await webhooksRepository(trx).insert({
    webhookId,
    clientId: input.clientId,
    userId: input.userId,
    reportId: input.reportId,
    url: input.url,
    body: serialiseWebhookBody(input.body),
    webhookType: stringOrNull(input.body.webhook_type),
    webhookCode: stringOrNull(input.body.webhook_code),
    state: 'pending',
    attemptCount: 0,
    createdAt: isoNow(deps.clock),
    nextAttemptAt: isoNow(deps.clock),
    deliveredAt: null,
    failedAt: null,
    lastError: null,
  });
  await deps.jobs.enqueue(trx, { queue: WEBHOOK_DELIVERY_QUEUE, payload: { webhookId, trigger: 'scheduled' }, maxAttempts: JOB_MAX_ATTEMPTS });
  return webhookId;
}

export interface WebhookDeliveryClocks {
  /** Real wall-clock time for the signature's iat (receivers compare it with their own clock). */
  wallClockMs: () => number;
  /** Real elapsed time for latency and timeouts (monotonic). */
  monotonicMs: () => number;
}

export interface WebhookDelivery {
  /** Aborts attempts in flight (their jobs run again at the next start) and closes connections. */
  close(): Promise<void>;
}

/**
 * Registers the delivery worker on the job queue, configured by
 * deps.config.webhooks. Scheduling uses the server clock (so advancing it
 * makes retries due); signatures use wall-clock time, because receivers check
 * iat against their own clock whatever time the sandbox simulates.
 */
export function registerWebhookJobs(deps: OperationDeps, clocks: WebhookDeliveryClocks): WebhookDelivery {
  const options = { ...deps.config.webhooks, ...clocks };
  const policy = destinationPolicy(options);
  const retryPolicy: RetryPolicy = { ...PLAID_RETRY_POLICY, firstRetryDelayMs: options.firstRetryDelayMs, horizonMs: options.retryHorizonMs };
  const sender = webhookSender({ timeoutMs: options.timeoutMs, maxResponseBytes: MAX_RESPONSE_BYTES, policy, monotonicMs: options.monotonicMs });
  const limiter = destinationLimiter({
    perDestination: options.perDestinationConcurrency,
    // Half the queue's slots at most for one receiver not yet seen to answer: the other half keeps moving.
    maxHeldPerDestination: Math.max(options.perDestinationConcurrency, Math.floor(options.concurrency / 2)),
    maxWaitMs: MAX_SLOT_WAIT_MS,
    requestTimeoutMs: options.timeoutMs,
    monotonicMs: options.monotonicMs,
    random: deps.random,
  });
  const keyring = signingKeyring(deps, { refreshMs: KEY_REFRESH_MS, monotonicMs: options.monotonicMs });
  const iso = (ms: number) => new Date(ms).toISOString();
  const rejections = receiverRejections();

  const findWebhook = batchedFinder((ids) => deps.repos.webhooks.findMany(ids));

  /** The attempt's writes, committed by the job queue together with the job's finish (see JobOutcome). */
  function recording(attempt: Omit<AttemptRecord, 'attempt'>, effect: AttemptEffect, logFailure: (attempt: number) => void): JobOutcome['record'] {
    return async (trx) => {
      const number = await webhooksRepository(trx).recordAttempt(attempt, effect, isoNow(deps.clock));
      if (attempt.outcome !== 'delivered') logFailure(number);
    };
  }

  function effectOf(webhook: WebhookRecord, trigger: AttemptTrigger, outcome: { delivered: boolean; permanent: boolean }): AttemptEffect {
    if (outcome.delivered) return { kind: 'delivered' };
    if (trigger === 'manual') return { kind: 'none' };
    if (outcome.permanent) return { kind: 'failed' };
    const next = nextAttemptAtMs(
      retryPolicy,
      { createdAtMs: Date.parse(webhook.createdAt), nowMs: deps.clock.nowMs(), failedAttempts: webhook.attemptCount + 1 },
      deps.random,
    );
    return next === null ? { kind: 'failed' } : { kind: 'retry', nextAttemptAt: iso(next) };
  }

  async function deliver(job: Job): Promise<void | JobOutcome> {
    const webhookId = String(job.payload.webhookId);
    const trigger: AttemptTrigger = job.payload.trigger === 'manual' ? 'manual' : 'scheduled';
    const webhook = await findWebhook(webhookId);
    // Delivered or failed meanwhile (a manual resend succeeded, say): nothing left to do.
    if (!webhook || (trigger === 'scheduled' && webhook.state !== 'pending')) return;

    const base = { webhookId, trigger };
    const checked = policy.checkUrl(webhook.url);
    if (!checked.ok) {
      // Configuration does not change while the server runs: retrying cannot help.
      const attempt = { ...base, startedAt: isoNow(deps.clock), keyId: null, latencyMs: 0, statusCode: null, outcome: 'failed' as const, error: checked.reason, responseBody: null };
      const effect = effectOf(webhook, trigger, { delivered: false, permanent: true });
      return { record: recording(attempt, effect, () => deps.log.warn({ webhook_id: webhookId, reason: checked.reason }, 'webhook destination refused')) };
    }

    // Signed first (iat is a few ms older at worst, half a second if the receiver is busy): a
    // destination slot is held only while the request is on the wire, not while signing.
    const key = await keyring.current();
    const signature = await signWebhookBody(key, webhook.body, Math.floor(options.wallClockMs() / 1000));
    const decision = await limiter.acquire(checked.url.origin);
    if ('deferMs' in decision) {
      // The receiver is busy: give the queue slot back and come back when it has room. Not an attempt.
      // Yield to I/O first: the embedded queue's database is synchronous, so a run of jobs that finish
      // at once would otherwise keep the event loop from reading the answers that end the busyness.
      await setImmediate();
      return { retryAt: iso(deps.clock.nowMs() + decision.deferMs) };
    }

    let outcome: DeliveryOutcome | undefined;
    const startedAt = isoNow(deps.clock);
    try {
      outcome = await sender.send({
        url: checked.url,
        body: webhook.body,
        headers: {
          'Content-Type': 'application/json',
          [SIGNATURE_HEADER]: signature,
          [WEBHOOK_ID_HEADER]: webhookId,
          'User-Agent': 'opencheck-webhooks',
        },
      });
    } finally {
      decision.slot.release(outcome?.latencyMs ?? 0);
    }
    // Shutting down mid-attempt: run again at the next start; the receiver did nothing wrong.
    if (outcome.interrupted) return { retryAt: isoNow(deps.clock) };

    rejections.count(webhook.url, outcome.delivered, deps.clock.nowMs());
    const cutOff = !outcome.delivered && trigger === 'scheduled' && rejections.stopsRetries(webhook.url, deps.clock.nowMs());
    const effect = effectOf(webhook, trigger, { delivered: outcome.delivered, permanent: cutOff });
    const attempt = {
      ...base,
      startedAt,
      keyId: key.keyId,
      latencyMs: outcome.latencyMs,
      statusCode: outcome.statusCode,
      outcome: outcome.delivered ? ('delivered' as const) : ('failed' as const),
      error: cutOff ? `${outcome.error}; ${REJECTION_CUT_OFF_MESSAGE}` : outcome.error,
      responseBody: outcome.responseBody,
    };
    const { statusCode, error } = attempt;
    const record = recording(attempt, effect, (number) =>
      deps.log.info(
        { webhook_id: webhookId, attempt: number, trigger, status: statusCode, error, next_attempt_at: effect.kind === 'retry' ? effect.nextAttemptAt : null },
        effect.kind === 'failed' ? 'webhook delivery failed; no more retries' : 'webhook attempt failed',
      ),
    );
    return effect.kind === 'retry' ? { retryAt: effect.nextAttemptAt, record } : { record };
  }

  deps.jobs.register(WEBHOOK_DELIVERY_QUEUE, deliver, { concurrency: options.concurrency });
  return { close: () => sender.close() };
}

/**
 * Loads by id, reading together the ids asked for in the same turn of the
 * event loop: the delivery jobs of one claim start together, so their
 * webhooks come back in one query instead of one each.
 */
function batchedFinder(findMany: (webhookIds: string[]) => Promise<WebhookRecord[]>): (webhookId: string) => Promise<WebhookRecord | null> {
  type Waiter = { resolve: (webhook: WebhookRecord | null) => void; reject: (error: unknown) => void };
  let wanted: Map<string, Waiter[]> | null = null;
  async function load(batch: Map<string, Waiter[]>): Promise<void> {
    const ids = [...batch.keys()];
    try {
      const found = new Map<string, WebhookRecord>();
      // Bounded statements: SQLite limits bound parameters, and the concurrency is configurable.
      for (let i = 0; i < ids.length; i += 500) for (const webhook of await findMany(ids.slice(i, i + 500))) found.set(webhook.webhookId, webhook);
      for (const [id, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(id) ?? null);
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  }
  return (webhookId) =>
    new Promise((resolve, reject) => {
      if (wanted === null) {
        const batch = new Map<string, Waiter[]>();
        wanted = batch;
        queueMicrotask(() => {
          wanted = null;
          void load(batch);
        });
      }
      const waiters = wanted.get(webhookId) ?? [];
      waiters.push({ resolve, reject });
      wanted.set(webhookId, waiters);
    });
}

export interface WebhookView extends WebhookRecord {
  attempts: AttemptRecord[];
}

export async function listWebhooks(
  deps: OperationDeps,
  clientId: string,
  filter: { userId?: string; reportId?: string; webhookId?: string; state?: WebhookState },
  limit: number,
): Promise<WebhookView[]> {
  return deps.repos.webhooks.listForClient(clientId, filter, limit);
}

/**
 * Sends a webhook again now, whatever its state, as one extra attempt (signed
 * afresh, same webhook id). Success marks it delivered; failure changes
 * nothing (a pending webhook keeps its retry schedule). Runs through the
 * queue, so the request survives a crash.
 */
export async function resendWebhook(deps: OperationDeps, clientId: string, webhookId: string): Promise<void> {
  const webhook = await deps.repos.webhooks.findForClient(clientId, webhookId);
  if (!webhook) throw new PlaidError('INVALID_FIELD', 'webhook_id does not name a webhook of this client');
  await deps.store.db.transaction().execute((trx) =>
    deps.jobs.enqueue(trx, { queue: WEBHOOK_DELIVERY_QUEUE, payload: { webhookId, trigger: 'manual' }, maxAttempts: JOB_MAX_ATTEMPTS }),
  );
  deps.jobs.notify();
}

/** The body of the webhook /opencheck/webhooks/test sends: Plaid's envelope, with opencheck's own type. */
export function testWebhookBody(): Record<string, unknown> {
  return { webhook_type: 'OPENCHECK', webhook_code: 'WEBHOOK_TEST', environment: 'sandbox' };
}

/** Records and sends a test webhook to `url`, so an integrator can check their receiver and its signature check. */
export async function sendTestWebhook(deps: OperationDeps, clientId: string, url: string): Promise<string> {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // handled below
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new PlaidError('INVALID_FIELD', 'url must be an absolute http or https URL');
  }
  const webhookId = await deps.store.db
    .transaction()
    .execute((trx) => recordWebhook(trx, deps, { clientId, userId: null, reportId: null, url, body: testWebhookBody() }));
  deps.jobs.notify();
  return webhookId;
}
