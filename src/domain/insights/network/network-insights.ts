// Network Insights (`/cra/check_report/network_insights/get` → `report`, NI1).
//
// Plaid builds these from the user's connections across the whole Plaid network. opencheck's
// "network" is what it knows itself for the API client: the user's Items (their institutions and
// when each was linked) and, from the report's transactions, the lending-type counterparties the
// user deals with (BNPL, cash advance / earned-wage access, personal loans, rent). Every value is
// an integer; flags are 0 or 1, as in Plaid's examples. "lifetime" means everything opencheck has
// (all the user's Items, the whole report window); "90d" the last 90 days up to the report date.

import { counterpartyKey, lenderKey } from '../counterparty.js';
import type { Flow, LendingKind } from '../flows.js';
import type { InsightsData } from '../insights-data.js';
import { epochDayOfInstant } from '../../reports/windows.js';

export interface ConnectionRecord {
  itemId: string;
  institutionId: string;
  institutionName: string;
  /** When the Item was linked. */
  createdAt: string;
}

export interface NetworkInsightsInput {
  data: InsightsData;
  flows: readonly Flow[];
  generatedTime: string;
  /** Every Item opencheck holds for this user and client (the report's own Items included). */
  connections: readonly ConnectionRecord[];
}

export interface NetworkAttributeDefinition {
  key: string;
  description: string;
}

/** Lending kinds that count as "lending" connections: every kind of credit except credit cards. */
const LENDING_KINDS: ReadonlySet<LendingKind> = new Set(['bnpl', 'ewa', 'personal', 'cash_advance', 'student', 'mortgage_auto', 'other']);
const CASH_ADVANCE_KINDS: ReadonlySet<LendingKind> = new Set(['ewa', 'cash_advance']);

export const NETWORK_ATTRIBUTES: readonly NetworkAttributeDefinition[] = [
  { key: 'plaid_conn_user_lifetime_item_count', description: "The user's Items linked on or before the report date." },
  { key: 'plaid_conn_user_90d_item_count', description: "The user's Items linked in the 90 days up to the report date." },
  { key: 'plaid_conn_user_lifetime_institution_count', description: 'Distinct institutions among those Items.' },
  { key: 'plaid_conn_user_lifetime_days_since_first_connection', description: "Days from the user's first Item link to the report date." },
  { key: 'plaid_conn_user_lifetime_days_since_last_connection', description: "Days from the user's most recent Item link to the report date." },
  { key: 'plaid_conn_user_lifetime_depository_account_count', description: 'Depository accounts in the report.' },
  { key: 'plaid_conn_user_lifetime_credit_account_count', description: 'Credit (card) accounts in the report.' },
  { key: 'plaid_conn_user_lifetime_loan_account_count', description: 'Loan accounts in the report.' },
  { key: 'plaid_conn_user_lifetime_lending_count', description: 'Distinct lending counterparties (any credit but cards: personal, BNPL, advance apps, student, mortgage and auto lenders) the user borrowed from or repaid, over the report.' },
  { key: 'plaid_conn_user_90d_lending_count', description: 'The same, over the last 90 days.' },
  { key: 'plaid_conn_user_lifetime_lending_disbursement_count', description: 'Loan, advance and cash-advance disbursements received, over the report.' },
  { key: 'plaid_conn_user_lifetime_personal_lending_count', description: 'Distinct personal-loan lenders, over the report.' },
  { key: 'plaid_conn_user_lifetime_personal_lending_flag', description: '1 when the user has any personal-loan lender, else 0.' },
  { key: 'plaid_conn_user_lifetime_bnpl_count', description: 'Distinct buy-now-pay-later providers, over the report.' },
  { key: 'plaid_conn_user_90d_bnpl_count', description: 'The same, over the last 90 days.' },
  { key: 'plaid_conn_user_lifetime_bnpl_flag', description: '1 when the user has any BNPL provider, else 0.' },
  { key: 'plaid_conn_user_lifetime_cash_advance_count', description: 'Distinct cash-advance and earned-wage-access providers (including card cash advances), over the report.' },
  { key: 'plaid_conn_user_90d_cash_advance_count', description: 'The same, over the last 90 days.' },
  { key: 'plaid_conn_user_lifetime_cash_advance_primary_count', description: "Of those, the providers that paid into or were repaid from the user's primary depository account (is_primary_account)." },
  { key: 'plaid_conn_user_lifetime_rent_count', description: 'Distinct rent payees (rent payments from depository accounts), over the report.' },
  { key: 'plaid_conn_user_lifetime_rent_flag', description: '1 when the user pays rent to anyone, else 0.' },
];

export function computeNetworkInsights(input: NetworkInsightsInput): Record<string, unknown> {
  const { data, flows } = input;
  const reportDay = data.window.reportDay;
  const linked = input.connections.filter((c) => epochDayOfInstant(c.createdAt) <= reportDay);
  const linkDays = linked.map((c) => epochDayOfInstant(c.createdAt));
  const primary = new Set(data.accounts.filter((a) => a.isPrimary && a.type === 'depository').map((a) => a.accountId));
  const depository = new Set(data.accounts.filter((a) => a.type === 'depository').map((a) => a.accountId));

  const lenders = { lifetime: new Set<string>(), recent: new Set<string>() };
  const personal = new Set<string>();
  const bnpl = { lifetime: new Set<string>(), recent: new Set<string>() };
  const advance = { lifetime: new Set<string>(), recent: new Set<string>(), primary: new Set<string>() };
  const rent = new Set<string>();
  let disbursements = 0;
  data.transactions.forEach((t, i) => {
    if (t.pending) return;
    const flow = flows[i];
    const recent = t.day > reportDay - 90;
    if (flow.kind === 'spend' && flow.rent && depository.has(t.accountId)) rent.add(counterpartyKey(t));
    if (flow.kind !== 'loan_payment' && flow.kind !== 'loan_disbursement') return;
    if (!LENDING_KINDS.has(flow.lending)) return;
    const key = `${flow.lending}:${lenderKey(t)}`;
    if (flow.kind === 'loan_disbursement') disbursements++;
    lenders.lifetime.add(key);
    if (recent) lenders.recent.add(key);
    if (flow.lending === 'personal') personal.add(key);
    if (flow.lending === 'bnpl') {
      bnpl.lifetime.add(key);
      if (recent) bnpl.recent.add(key);
    }
    if (CASH_ADVANCE_KINDS.has(flow.lending)) {
      advance.lifetime.add(key);
      if (recent) advance.recent.add(key);
      if (primary.has(t.accountId)) advance.primary.add(key);
    }
  });

  const count = (type: string) => data.accounts.filter((a) => a.type === type).length;
  const attributes: Record<string, number> = {
    plaid_conn_user_lifetime_item_count: linked.length,
    plaid_conn_user_90d_item_count: linkDays.filter((d) => d > reportDay - 90).length,
    plaid_conn_user_lifetime_institution_count: new Set(linked.map((c) => c.institutionId)).size,
    plaid_conn_user_lifetime_days_since_first_connection: linkDays.length === 0 ? 0 : reportDay - Math.min(...linkDays),
    plaid_conn_user_lifetime_days_since_last_connection: linkDays.length === 0 ? 0 : reportDay - Math.max(...linkDays),
    plaid_conn_user_lifetime_depository_account_count: count('depository'),
    plaid_conn_user_lifetime_credit_account_count: count('credit'),
    plaid_conn_user_lifetime_loan_account_count: count('loan'),
    plaid_conn_user_lifetime_lending_count: lenders.lifetime.size,
    plaid_conn_user_90d_lending_count: lenders.recent.size,
    plaid_conn_user_lifetime_lending_disbursement_count: disbursements,
    plaid_conn_user_lifetime_personal_lending_count: personal.size,
    plaid_conn_user_lifetime_personal_lending_flag: personal.size > 0 ? 1 : 0,
    plaid_conn_user_lifetime_bnpl_count: bnpl.lifetime.size,
    plaid_conn_user_90d_bnpl_count: bnpl.recent.size,
    plaid_conn_user_lifetime_bnpl_flag: bnpl.lifetime.size > 0 ? 1 : 0,
    plaid_conn_user_lifetime_cash_advance_count: advance.lifetime.size,
    plaid_conn_user_90d_cash_advance_count: advance.recent.size,
    plaid_conn_user_lifetime_cash_advance_primary_count: advance.primary.size,
    plaid_conn_user_lifetime_rent_count: rent.size,
    plaid_conn_user_lifetime_rent_flag: rent.size > 0 ? 1 : 0,
  };
  return {
    report_id: data.reportId,
    generated_time: input.generatedTime,
    network_attributes: attributes,
    items: data.items.map((item) => ({ institution_id: item.institutionId, institution_name: item.institutionName, item_id: item.itemId })),
  };
}
