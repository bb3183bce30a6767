import { sql, type Kysely, type Selectable } from 'kysely';
import { runStatement } from '../raw-statement.js';
import type { Database, WebhookAttemptsTable, WebhookSigningKeysTable, WebhooksTable } from '../schema.js';
import { translateDuplicate } from '../store-errors.js';

export type WebhookState = 'pending' | 'delivered' | 'failed';
export type AttemptTrigger = 'scheduled' | 'manual';

export interface WebhookRecord {
  webhookId: string;
  clientId: string;
  userId: string | null;
  reportId: string | null;
  url: string;
  body: string;
  webhookType: string | null;
  webhookCode: string | null;
  state: WebhookState;
  attemptCount: number;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
  lastError: string | null;
}

export interface AttemptRecord {
  webhookId: string;
  attempt: number;
  trigger: AttemptTrigger;
  keyId: string | null;
  startedAt: string;
  latencyMs: number;
  statusCode: number | null;
  outcome: 'delivered' | 'failed';
  error: string | null;
  responseBody: string | null;
}

export interface SigningKeyRecord {
  keyId: string;
  publicJwk: { kty: string; crv: string; x: string; y: string };
  sealedPrivateKey: string;
  createdAt: string;
  expiredAt: string | null;
  current: boolean;
}

/** What an attempt does to its webhook's state. */
export type AttemptEffect =
  | { kind: 'delivered' }
  /** Still pending; the scheduled retry is at `nextAttemptAt`. */
  | { kind: 'retry'; nextAttemptAt: string }
  /** The scheduled attempts are exhausted (or cannot succeed). */
  | { kind: 'failed' }
  /** A manual resend that failed changes no state. */
  | { kind: 'none' };

function toWebhook(row: Selectable<WebhooksTable>): WebhookRecord {
  return {
    webhookId: row.webhook_id,
    clientId: row.client_id,
    userId: row.user_id,
    reportId: row.report_id,
    url: row.url,
    body: row.body,
    webhookType: row.webhook_type,
    webhookCode: row.webhook_code,
    state: row.state as WebhookState,
    attemptCount: Number(row.attempt_count),
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    deliveredAt: row.delivered_at,
    failedAt: row.failed_at,
    lastError: row.last_error,
  };
}

function toAttempt(row: Selectable<WebhookAttemptsTable>): AttemptRecord {
  return {
    webhookId: row.webhook_id,
    attempt: Number(row.attempt),
    trigger: row.trigger as AttemptTrigger,
    keyId: row.key_id,
    startedAt: row.started_at,
    latencyMs: Number(row.latency_ms),
    statusCode: row.status_code === null ? null : Number(row.status_code),
    outcome: row.outcome as 'delivered' | 'failed',
    error: row.error,
    responseBody: row.response_body,
  };
}

function toKey(row: Selectable<WebhookSigningKeysTable>): SigningKeyRecord {
  return {
    keyId: row.key_id,
    publicJwk: JSON.parse(row.public_jwk),
    sealedPrivateKey: row.private_key,
    createdAt: row.created_at,
    expiredAt: row.expired_at,
    current: row.is_current !== null && Number(row.is_current) === 1,
  };
}

const INSERT_WEBHOOK = `insert into webhooks (webhook_id, client_id, user_id, report_id, url, body, webhook_type, webhook_code, state,
  attempt_count, created_at, next_attempt_at, delivered_at, failed_at, last_error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

// What an attempt does to its webhook. In an UPDATE every expression sees the row as it was, so
// `state` is the state before the attempt: only a pending webhook moves to a retry time or to failed.
const RECORD_ATTEMPT_EFFECT: Record<AttemptEffect['kind'], string> = {
  delivered: `update webhooks set attempt_count = attempt_count + 1, state = 'delivered', delivered_at = coalesce(delivered_at, ?),
    next_attempt_at = null, failed_at = null, last_error = null where webhook_id = ? returning attempt_count`,
  retry: `update webhooks set attempt_count = attempt_count + 1, last_error = ?,
    next_attempt_at = case when state = 'pending' then ? else next_attempt_at end where webhook_id = ? returning attempt_count`,
  failed: `update webhooks set attempt_count = attempt_count + 1, last_error = ?, state = case when state = 'pending' then 'failed' else state end,
    failed_at = case when state = 'pending' then ? else failed_at end, next_attempt_at = case when state = 'pending' then null else next_attempt_at end
    where webhook_id = ? returning attempt_count`,
  none: `update webhooks set attempt_count = attempt_count + 1, last_error = ? where webhook_id = ? returning attempt_count`,
};

const INSERT_ATTEMPT = `insert into webhook_attempts (webhook_id, attempt, trigger, key_id, started_at, latency_ms, status_code, outcome, error, response_body)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The webhook outbox, its attempts, and the signing keys. Webhook reads for
 * an API are scoped to one client; the delivery worker reads by id.
 */
export function webhooksRepository(db: Kysely<Database>) {
  return {
    async insert(webhook: WebhookRecord): Promise<void> {
      await runStatement(db, INSERT_WEBHOOK, [
        webhook.webhookId, webhook.clientId, webhook.userId, webhook.reportId, webhook.url, webhook.body, webhook.webhookType, webhook.webhookCode,
        webhook.state, webhook.attemptCount, webhook.createdAt, webhook.nextAttemptAt, webhook.deliveredAt, webhook.failedAt, webhook.lastError,
      ]);
    },

    /** The webhooks among `webhookIds` that exist, in no particular order. */
    async findMany(webhookIds: string[]): Promise<WebhookRecord[]> {
      if (webhookIds.length === 0) return [];
      const { rows } = await sql<Selectable<WebhooksTable>>`select * from webhooks where webhook_id in (${sql.join(webhookIds)})`.execute(db);
      return rows.map(toWebhook);
    },

    async findForClient(clientId: string, webhookId: string): Promise<WebhookRecord | null> {
      const row = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('client_id', '=', clientId)
        .where('webhook_id', '=', webhookId)
        .executeTakeFirst();
      return row ? toWebhook(row) : null;
    },

    /** Newest first, with each webhook's attempts in order. */
    async listForClient(
      clientId: string,
      filter: { userId?: string; reportId?: string; webhookId?: string; state?: WebhookState },
      limit: number,
    ): Promise<Array<WebhookRecord & { attempts: AttemptRecord[] }>> {
      let query = db.selectFrom('webhooks').selectAll().where('client_id', '=', clientId);
      if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
      if (filter.reportId !== undefined) query = query.where('report_id', '=', filter.reportId);
      if (filter.webhookId !== undefined) query = query.where('webhook_id', '=', filter.webhookId);
      if (filter.state !== undefined) query = query.where('state', '=', filter.state);
      const rows = await query.orderBy('created_at', 'desc').orderBy('webhook_id', 'desc').limit(limit).execute();
      if (rows.length === 0) return [];
      const attempts = await db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where(
          'webhook_id',
          'in',
          rows.map((r) => r.webhook_id),
        )
        .orderBy('webhook_id')
        .orderBy('attempt')
        .execute();
      const byWebhook = new Map<string, AttemptRecord[]>();
      for (const a of attempts) {
        const list = byWebhook.get(a.webhook_id) ?? [];
        list.push(toAttempt(a));
        byWebhook.set(a.webhook_id, list);
      }
      return rows.map((r) => ({ ...toWebhook(r), attempts: byWebhook.get(r.webhook_id) ?? [] }));
    },

    /**
     * Records one attempt and its effect, and returns the attempt's number.
     * Call it on a transaction (the delivery worker uses the one that finishes
     * the delivery job): readers never see a delivered webhook without its
     * attempt. The webhook's state and attempt counter, which numbers the
     * attempt atomically, then the attempt row. A crash before it commits
     * leaves the webhook pending, so its job runs again (a duplicate delivery,
     * never a lost one). A delivered webhook stays delivered; only a pending
     * one moves to a retry time or to failed.
     */
    async recordAttempt(attempt: Omit<AttemptRecord, 'attempt'>, effect: AttemptEffect, at: string): Promise<number> {
      const id = attempt.webhookId;
      let parameters: unknown[];
      switch (effect.kind) {
        case 'delivered':
          parameters = [at, id];
          break;
        case 'retry':
          parameters = [attempt.error, effect.nextAttemptAt, id];
          break;
        case 'failed':
          parameters = [attempt.error, at, id];
          break;
        case 'none':
          parameters = [attempt.error, id];
          break;
      }
      const rows = await runStatement<{ attempt_count: number | string }>(db, RECORD_ATTEMPT_EFFECT[effect.kind], parameters);
      if (rows.length === 0) throw new Error(`webhook ${id} does not exist`);
      const number = Number(rows[0].attempt_count);
      await runStatement(db, INSERT_ATTEMPT, [
        id, number, attempt.trigger, attempt.keyId, attempt.startedAt, attempt.latencyMs, attempt.statusCode, attempt.outcome, attempt.error, attempt.responseBody,
      ]);
      return number;
    },

    async insertSigningKey(key: SigningKeyRecord): Promise<void> {
      await translateDuplicate('current webhook signing key', () =>
        db
          .insertInto('webhook_signing_keys')
          .values({
            key_id: key.keyId,
            public_jwk: JSON.stringify(key.publicJwk),
            private_key: key.sealedPrivateKey,
            created_at: key.createdAt,
            expired_at: key.expiredAt,
            is_current: key.current ? 1 : null,
          })
          .execute(),
      );
    },

    async currentSigningKey(): Promise<SigningKeyRecord | null> {
      const row = await db.selectFrom('webhook_signing_keys').selectAll().where('is_current', '=', 1).executeTakeFirst();
      return row ? toKey(row) : null;
    },

    async findSigningKey(keyId: string): Promise<SigningKeyRecord | null> {
      const row = await db.selectFrom('webhook_signing_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
      return row ? toKey(row) : null;
    },

    async listSigningKeys(): Promise<SigningKeyRecord[]> {
      const rows = await db.selectFrom('webhook_signing_keys').selectAll().orderBy('created_at').orderBy('key_id').execute();
      return rows.map(toKey);
    },

    /** Retires the current key (it stays servable, with expired_at set). Returns its id, if there was one. */
    async retireCurrentSigningKey(at: string): Promise<string | null> {
      const row = await db
        .updateTable('webhook_signing_keys')
        .set({ is_current: null, expired_at: at })
        .where('is_current', '=', 1)
        .returning('key_id')
        .executeTakeFirst();
      return row?.key_id ?? null;
    },
  };
}
export type WebhooksRepository = ReturnType<typeof webhooksRepository>;
