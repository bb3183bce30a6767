// The explicit list of every route opencheck serves (no autoloading).
import type { FastifyInstance } from 'fastify';
import type { OperationDeps } from '../../operations/deps.js';
import { clientAuthenticator, registerPlaidRoute, type PlaidRoute } from '../plaid-route.js';
import { checkReportBaseReportGetRoute } from './cra/check-report-base-report-get.js';
import { checkReportCreateRoute } from './cra/check-report-create.js';
import { checkReportPdfGetRoute } from './cra/check-report-pdf-get.js';
import { checkReportVerificationGetRoute } from './cra/check-report-verification-get.js';
import { checkReportVerificationPdfGetRoute } from './cra/check-report-verification-pdf-get.js';
import { consumerReportPdfGetRoute } from './cra/consumer-report-pdf-get.js';
import { checkReportCashflowInsightsGetRoute } from './cra/check-report-cashflow-insights-get.js';
import { checkReportIncomeInsightsGetRoute } from './cra/check-report-income-insights-get.js';
import { checkReportLendScoreGetRoute } from './cra/check-report-lend-score-get.js';
import { checkReportNetworkInsightsGetRoute } from './cra/check-report-network-insights-get.js';
import { checkReportPartnerInsightsGetRoute } from './cra/check-report-partner-insights-get.js';
import { craPartnerInsightsGetRoute } from './cra/cra-partner-insights-get.js';
import { accessLogListRoute, billingEventsListRoute } from './opencheck/opencheck-audit.js';
import { sandboxClockAdvanceRoute } from './sandbox/sandbox-clock-advance.js';
import { sandboxClockGetRoute } from './sandbox/sandbox-clock-get.js';
import { accountsGetRoute } from './items/accounts-get.js';
import { itemGetRoute } from './items/item-get.js';
import { itemPublicTokenExchangeRoute } from './items/item-public-token-exchange.js';
import { itemRemoveRoute } from './items/item-remove.js';
import { sandboxPublicTokenCreateRoute } from './items/sandbox-public-token-create.js';
import { sandboxItemFireWebhookRoute } from './items/sandbox-item-fire-webhook.js';
import { userItemsGetRoute } from './items/user-items-get.js';
import { userCreateRoute } from './user/user-create.js';
import { userGetRoute } from './user/user-get.js';
import { userRemoveRoute } from './user/user-remove.js';
import { userUpdateRoute } from './user/user-update.js';
import { opencheckWebhooksListRoute } from './webhooks/opencheck-webhooks-list.js';
import { opencheckWebhooksResendRoute } from './webhooks/opencheck-webhooks-resend.js';
import { opencheckWebhooksTestRoute } from './webhooks/opencheck-webhooks-test.js';
import { webhookVerificationKeyGetRoute } from './webhooks/webhook-verification-key-get.js';

export function registerRoutes(app: FastifyInstance, deps: OperationDeps): void {
  const routes: PlaidRoute[] = [
    // Users
    userCreateRoute(deps),
    userGetRoute(deps),
    userUpdateRoute(deps),
    userRemoveRoute(deps),
    // Items (Sandbox linking)
    sandboxPublicTokenCreateRoute(deps),
    itemPublicTokenExchangeRoute(deps),
    itemGetRoute(deps),
    itemRemoveRoute(deps),
    accountsGetRoute(deps),
    userItemsGetRoute(deps),
    sandboxItemFireWebhookRoute(deps),
    // Consumer reports
    checkReportCreateRoute(deps),
    checkReportBaseReportGetRoute(deps),
    // Home-lending verification reports and report PDFs
    checkReportVerificationGetRoute(deps),
    checkReportVerificationPdfGetRoute(deps),
    checkReportPdfGetRoute(deps),
    consumerReportPdfGetRoute(deps),
    // Insight products (built eagerly at create, or on their first get)
    checkReportIncomeInsightsGetRoute(deps),
    checkReportCashflowInsightsGetRoute(deps),
    checkReportLendScoreGetRoute(deps),
    checkReportNetworkInsightsGetRoute(deps),
    checkReportPartnerInsightsGetRoute(deps),
    craPartnerInsightsGetRoute(deps),
    // opencheck extensions
    sandboxClockAdvanceRoute(deps),
    sandboxClockGetRoute(deps),
    accessLogListRoute(deps),
    billingEventsListRoute(deps),
    // Webhooks: Plaid's verification key, and opencheck's delivery log, resend and test
    webhookVerificationKeyGetRoute(deps),
    opencheckWebhooksListRoute(deps),
    opencheckWebhooksResendRoute(deps),
    opencheckWebhooksTestRoute(deps),
  ];
  const authenticateClient = clientAuthenticator(deps);
  for (const route of routes) registerPlaidRoute(app, deps, route, authenticateClient);
}
