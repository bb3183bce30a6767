import type { PlaidRoute } from '../../plaid-route.js';
import type { OperationDeps } from '../../../operations/deps.js';
import { listWebhooks, type WebhookView } from '../../../operations/webhooks.js';
import type { WebhookState } from '../../../store/repositories/webhooks.js';
import { validateOpencheckBody } from './opencheck-body.js';

const STATES = ['pending', 'delivered', 'failed'] as const;

function parsedBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function presentWebhook(w: WebhookView) {
  return {
    webhook_id: w.webhookId,
    status: w.state,
    url: w.url,
    webhook_type: w.webhookType,
    webhook_code: w.webhookCode,
    user_id: w.userId,
    report_id: w.reportId,
    created_at: w.createdAt,
    next_attempt_at: w.state === 'pending' ? w.nextAttemptAt : null,
    delivered_at: w.deliveredAt,
    failed_at: w.failedAt,
    last_error: w.lastError,
    body: parsedBody(w.body),
    attempts: w.attempts.map((a) => ({
      attempt: a.attempt,
      trigger: a.trigger,
      started_at: a.startedAt,
      latency_ms: a.latencyMs,
      status_code: a.statusCode,
      outcome: a.outcome,
      error: a.error,
      response_body: a.responseBody,
      key_id: a.keyId,
    })),
  };
}

/**
 * POST /opencheck/webhooks/list {user_id?, report_id?, webhook_id?, status?, count?}:
 * the caller's webhooks, newest first, each with every attempt.
 */
export function opencheckWebhooksListRoute(deps: OperationDeps): PlaidRoute {
  return {
    path: '/opencheck/webhooks/list',
    async handle(ctx, body) {
      validateOpencheckBody(body, {
        user_id: { type: 'string', maxLength: 256 },
        report_id: { type: 'string', maxLength: 256 },
        webhook_id: { type: 'string', maxLength: 256 },
        status: { type: 'string', oneOf: STATES },
        count: { type: 'integer', min: 1, max: 500 },
      });
      const webhooks = await listWebhooks(
        deps,
        ctx.clientId,
        {
          userId: body.user_id ?? undefined,
          reportId: body.report_id ?? undefined,
          webhookId: body.webhook_id ?? undefined,
          state: (body.status ?? undefined) as WebhookState | undefined,
        },
        body.count ?? 100,
      );
      return { body: { webhooks: webhooks.map(presentWebhook) } };
    },
  };
}
