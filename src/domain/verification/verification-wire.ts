// The wire shapes of `/cra/check_report/verification/get` → `report` (schema
// CraVerificationReport and the ones it references). Like the Base Report's, these are the
// contract's snake_case shapes on purpose: the domain computes exactly what is served.
//
// Fields marked "opencheck addition" are not in the contract; the contract's objects allow
// additional properties, and receivers ignore fields they do not know (brief §G.7).

import type * as base from '../reports/base-report-wire.js';

/** `CraCheckReportVerificationGetReportType`. */
export type VerificationReportType = 'VOA' | 'EMPLOYMENT_REFRESH' | 'INCOME';

/** `CraVerificationReport`. */
export interface VerificationReport {
  report_id: string;
  /** Present when the report was created with `base_report.gse_options`. */
  gse_reference_id?: string;
  client_report_id: string | null;
  voa?: VoaReport | null;
  employment_refresh?: EmploymentRefreshReport | null;
  /** The II2 income shape (CraVerificationIncomeReport), computed by Income Insights. */
  income?: Record<string, unknown> | null;
}

/** `CraVoaReport`. */
export interface VoaReport {
  generated_time: string;
  days_requested: number;
  items: VoaItem[];
  attributes: VoaAttributes;
}

/** `CraVoaReportAttributes`. */
export interface VoaAttributes {
  total_inflow_amount: base.CreditAmountWithCurrency | null;
  total_outflow_amount: base.CreditAmountWithCurrency | null;
}

/** `CraVoaReportItem`. */
export interface VoaItem {
  accounts: VoaAccount[];
  institution_name: string;
  institution_id: string;
  item_id: string;
  last_update_time: string;
}

/** `CraVoaReportAccount`. */
export interface VoaAccount {
  account_id: string;
  balances: VoaBalances;
  consumer_disputes: base.ConsumerDispute[];
  mask: string | null;
  name: string;
  official_name: string | null;
  type: base.AccountType;
  subtype: string | null;
  days_available: number;
  transactions_insights: VoaTransactionsInsights;
  owners: base.Owner[];
  ownership_type: base.OwnershipType;
  investments?: base.BaseReportInvestments;
}

/** `CraVoaReportAccountBalances`, plus `average_balance_90_days` (brief §G.7: in Plaid's example). */
export interface VoaBalances {
  available: number | null;
  current: number | null;
  iso_currency_code: string | null;
  unofficial_currency_code: string | null;
  historical_balances: base.BaseReportHistoricalBalance[];
  average_balance_30_days: number | null;
  average_balance_60_days: number | null;
  average_balance_90_days: number | null;
  nsf_overdraft_transactions_count: number;
}

/** `CraVoaReportTransactionsInsights`, plus `large_deposits` (opencheck addition). */
export interface VoaTransactionsInsights {
  all_transactions: base.BaseReportTransaction[];
  start_date: string | null;
  end_date: string | null;
  /** opencheck addition: deposits above the large-deposit threshold, oldest first. */
  large_deposits: LargeDeposit[];
}

/** A deposit a lender has to source (opencheck addition). `amount` keeps Plaid's sign (negative = in). */
export interface LargeDeposit {
  transaction_id: string;
  date: string;
  amount: number;
  iso_currency_code: string | null;
  unofficial_currency_code: string | null;
  original_description: string | null;
  /** The enrichment's credit category, so a reviewer sees at once whether it is payroll or a transfer. */
  credit_category: base.CreditCategory | null;
}

/** `CraEmploymentRefreshReport`, plus `employers` (opencheck addition). */
export interface EmploymentRefreshReport {
  generated_time: string;
  days_requested: number;
  items: EmploymentRefreshItem[];
  /** opencheck addition: one entry per employer found in the payroll deposits, most recent first. */
  employers: Employer[];
}

/** `CraEmploymentRefreshReportItem`. */
export interface EmploymentRefreshItem {
  accounts: EmploymentRefreshAccount[];
  institution_name: string;
  institution_id: string;
  item_id: string;
  last_update_time: string;
}

/** `CraEmploymentRefreshReportAccount`. */
export interface EmploymentRefreshAccount {
  account_id: string;
  name: string;
  official_name: string | null;
  type: base.AccountType;
  subtype: string | null;
  transactions: EmploymentRefreshTransaction[];
}

/** `CraEmploymentRefreshReportTransaction`: a deposit, deliberately without its amount. */
export interface EmploymentRefreshTransaction {
  account_id: string;
  original_description: string;
  date: string;
  pending: boolean;
  transaction_id: string;
}

/** An employer seen in payroll deposits (opencheck addition). */
export interface Employer {
  name: string;
  most_recent_pay_date: string;
  deposit_count: number;
  account_ids: string[];
}
